import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

export const WORKFLOW_TYPE = 'order';

export const OrderStateKey = defineSearchAttributeKey('OrderState', SearchAttributeType.KEYWORD);
export const CustomerIdKey = defineSearchAttributeKey('CustomerId', SearchAttributeType.KEYWORD);
export const DriverIdKey = defineSearchAttributeKey('DriverId', SearchAttributeType.KEYWORD);
/** Lets one Visibility call find every order that changed since a moment (live updates). */
export const OrderUpdatedAtKey = defineSearchAttributeKey(
  'OrderUpdatedAt',
  SearchAttributeType.DATETIME,
);

/** Name=Type pairs, as `temporal server start-dev --search-attribute` takes them. */
export const SEARCH_ATTRIBUTE_FLAGS = [
  'OrderState=Keyword',
  'CustomerId=Keyword',
  'DriverId=Keyword',
  'OrderUpdatedAt=Datetime',
] as const;
