'use client';

import { useSyncExternalStore } from 'react';
import {
  cartReducer,
  EMPTY_CART,
  parseSavedCart,
  type CartAction,
  type CartState,
} from './cart-state';

/**
 * The cart lives in this browser's localStorage, so it survives reloads and navigation (its
 * checkout id too, so a retry after a reload is still the same order) and stays in step across
 * tabs. The server never sees it: pages render it once the browser has read it.
 */
const STORAGE_KEY = 'dd-cart';
const listeners = new Set<() => void>();
let current: CartState | null = null;

function load(): CartState {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    return saved ? parseSavedCart(JSON.parse(saved)) : EMPTY_CART;
  } catch {
    return EMPTY_CART;
  }
}

function save(cart: CartState): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(cart));
  } catch {
    // Storage is full or disabled: the cart still works for this page's lifetime.
  }
}

const notify = () => listeners.forEach((listener) => listener());

function onStorage(event: StorageEvent): void {
  if (event.key !== STORAGE_KEY) return;
  current = load();
  notify();
}

function subscribe(listener: () => void): () => void {
  if (listeners.size === 0) window.addEventListener('storage', onStorage);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('storage', onStorage);
  };
}

const snapshot = (): CartState => (current ??= load());

export function dispatchCart(action: CartAction): void {
  current = cartReducer(snapshot(), action);
  save(current);
  notify();
}

export interface CartView {
  cart: CartState;
  dispatch: (action: CartAction) => void;
  /** False while rendering on the server, which cannot know this browser's cart. */
  restored: boolean;
}

export function useCart(): CartView {
  const cart = useSyncExternalStore(subscribe, snapshot, () => null);
  return { cart: cart ?? EMPTY_CART, dispatch: dispatchCart, restored: cart !== null };
}
