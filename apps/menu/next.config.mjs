import { siteConfig } from '@delivery/ui/next-config';

export default siteConfig();
