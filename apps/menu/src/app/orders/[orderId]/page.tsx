import { orderIdSchema } from '@delivery/common';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { OrderPage } from '~/order-tracking/order-page';

interface OrderRouteProps {
  params: Promise<{ orderId: string }>;
}

export async function generateMetadata({ params }: OrderRouteProps): Promise<Metadata> {
  const { orderId } = await params;
  return { title: `Order ${orderId.slice(0, 8)}` };
}

export default async function Order({ params }: OrderRouteProps) {
  const { orderId } = await params;
  if (!orderIdSchema.safeParse(orderId).success) notFound();
  return <OrderPage orderId={orderId} />;
}
