import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/*
 * The order's search attributes. `search-attributes.json` at this package's root registers the same
 * list with the dev server (scripts/temporal.mjs) and docker-compose.yml; a test keeps all three
 * the same.
 */

export const OrderStateKey = defineSearchAttributeKey('OrderState', SearchAttributeType.KEYWORD);
export const CustomerIdKey = defineSearchAttributeKey('CustomerId', SearchAttributeType.KEYWORD);
export const DriverIdKey = defineSearchAttributeKey('DriverId', SearchAttributeType.KEYWORD);
/** Lets one Visibility call find every order that changed since a moment (live updates). */
export const OrderUpdatedAtKey = defineSearchAttributeKey(
  'OrderUpdatedAt',
  SearchAttributeType.DATETIME,
);

export const SEARCH_ATTRIBUTE_KEYS = [OrderStateKey, CustomerIdKey, DriverIdKey, OrderUpdatedAtKey];
