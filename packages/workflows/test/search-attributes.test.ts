import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SearchAttributeType } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '@delivery/harness/stack';
import { SEARCH_ATTRIBUTE_KEYS } from '../src/search-attributes';

const TYPE_NAMES: Partial<Record<SearchAttributeType, string>> = {
  [SearchAttributeType.KEYWORD]: 'Keyword',
  [SearchAttributeType.DATETIME]: 'Datetime',
};

const registered = JSON.parse(
  readFileSync(join(repoRoot, 'packages/workflows/search-attributes.json'), 'utf8'),
) as string[];

describe('the search attributes', () => {
  it('the workflow upserts and queries are the ones the dev server registers', () => {
    const declared = SEARCH_ATTRIBUTE_KEYS.map((key) => `${key.name}=${TYPE_NAMES[key.type]}`);
    expect(declared).toEqual(registered);
  });

  it('docker-compose.yml registers the same list', () => {
    const compose = readFileSync(join(repoRoot, 'docker-compose.yml'), 'utf8');
    const flags = [...compose.matchAll(/--search-attribute=(\S+)/g)].map((match) => match[1]);
    expect(flags).toEqual(registered);
  });
});
