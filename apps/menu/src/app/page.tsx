import { MenuPage } from '~/menu/menu-page';

export default function Home() {
  return <MenuPage />;
}
