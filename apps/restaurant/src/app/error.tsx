'use client';

export { RouteError as default } from '@delivery/ui/route-error';
