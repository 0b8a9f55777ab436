import { createContext, useContext, type AnchorHTMLAttributes, type ComponentType, type Ref } from 'react';

export type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { href: string; ref?: Ref<HTMLAnchorElement> };

/**
 * The kit renders links through this component so that an app can route them client-side (react-router
 * in the storefront) while the kit itself depends on no router.
 */
const LinkContext = createContext<ComponentType<LinkProps>>(function PlainLink(props: LinkProps) {
  return <a {...props} />;
});

export const LinkProvider = LinkContext.Provider;

export function useLinkComponent(): ComponentType<LinkProps> {
  return useContext(LinkContext);
}
