import { readFileSync } from 'node:fs';
import { SearchAttributeType } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { SEARCH_ATTRIBUTE_KEYS } from '../src/search-attributes';

const TYPE_NAMES: Partial<Record<SearchAttributeType, string>> = {
  [SearchAttributeType.KEYWORD]: 'Keyword',
  [SearchAttributeType.DATETIME]: 'Datetime',
};

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const registered = JSON.parse(read('../search-attributes.json')) as string[];

describe('the search attributes', () => {
  it('the workflow upserts and queries are the ones the dev server registers', () => {
    const declared = SEARCH_ATTRIBUTE_KEYS.map((key) => `${key.name}=${TYPE_NAMES[key.type]}`);
    expect(declared).toEqual(registered);
  });

  it('docker-compose.yml registers the same list', () => {
    const compose = read('../../../docker-compose.yml');
    const flags = [...compose.matchAll(/--search-attribute=(\S+)/g)].map((match) => match[1]);
    expect(flags).toEqual(registered);
  });
});
