import { randomUUID } from 'node:crypto';
import { MAX_PREP_MINUTES, MAX_REJECT_REASON_LENGTH } from '@delivery/common';
import type { KitchenProcedure } from './sites';

/** Bad input to one of the kitchen's actions on `orderId`, an order waiting for the restaurant. */
export type KitchenCase = [KitchenProcedure, string, (orderId: string) => unknown];

export const BAD_KITCHEN_INPUT: KitchenCase[] = [
  ['acceptOrder', 'null', () => null],
  ['acceptOrder', 'a missing preparation time', (orderId) => ({ orderId })],
  ['acceptOrder', 'a negative preparation time', (orderId) => ({ orderId, prepMinutes: -5 })],
  ['acceptOrder', 'a fractional preparation time', (orderId) => ({ orderId, prepMinutes: 2.5 })],
  ['acceptOrder', 'a preparation time as a string', (orderId) => ({ orderId, prepMinutes: '10' })],
  [
    'acceptOrder',
    'a preparation time past the longest',
    (orderId) => ({ orderId, prepMinutes: MAX_PREP_MINUTES + 1 }),
  ],
  [
    'acceptOrder',
    'a staff member of its own choosing',
    (orderId) => ({ orderId, prepMinutes: 5, staff: { id: 'chef', name: 'Chef' } }),
  ],
  ['acceptOrder', 'a non-uuid order id', () => ({ orderId: '../../etc/passwd', prepMinutes: 5 })],
  ['rejectOrder', 'a missing reason', (orderId) => ({ orderId })],
  ['rejectOrder', 'an empty reason', (orderId) => ({ orderId, reason: '' })],
  ['rejectOrder', 'a reason of blanks', (orderId) => ({ orderId, reason: ' \t\n ' })],
  [
    'rejectOrder',
    'a reason past the longest',
    (orderId) => ({ orderId, reason: 'x'.repeat(MAX_REJECT_REASON_LENGTH + 1) }),
  ],
  ['rejectOrder', 'a reason that is a number', (orderId) => ({ orderId, reason: 42 })],
  ['rejectOrder', 'an order id that is an array', () => ({ orderId: [randomUUID()], reason: 'x' })],
  ['markReady', 'a string instead of an object', () => 'ready!'],
  ['markReady', 'a numeric order id', () => ({ orderId: 42 })],
  ['markReady', 'an extra field', (orderId) => ({ orderId, readyAt: '2000-01-01T00:00:00Z' })],
];

export const BAD_TICKET_PAGES: Array<[string, unknown]> = [
  ['a cursor that is not one', { cursor: '%%%' }],
  ['a page of a million', { limit: 1e6 }],
  ['an empty page', { limit: 0 }],
  ['a page size in words', { limit: 'ten' }],
  ['an extra field', { state: 'Delivered' }],
];
