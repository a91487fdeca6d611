import { siteConfig } from '@delivery/next-config';

export default siteConfig();
