import type { Metadata } from 'next';
import { MyOrdersPage } from '~/my-orders/my-orders-page';

export const metadata: Metadata = { title: 'My orders' };

export default function Orders() {
  return <MyOrdersPage />;
}
