import type { LinkProps } from '@shanhai/ui';
import { Link } from 'react-router';

/** Lets the UI kit's links (pagination) navigate client-side through react-router. */
export function RouterAnchor({ href, ...rest }: LinkProps) {
  return <Link to={href} {...rest} />;
}
