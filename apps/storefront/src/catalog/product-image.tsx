/**
 * A product's photo, or (most products have none yet) a tinted tile with the product's first character,
 * tinted by category so a grid of placeholders still reads as different goods.
 */
export function ProductImage({ url, name, category, alt = '' }: { url: string | null; name: string; category: string; alt?: string }) {
  if (url) return <img className="product-image" src={url} alt={alt} loading="lazy" decoding="async" />;
  return (
    <div className={`product-image product-image--placeholder product-image--${category || 'other'}`} aria-hidden="true">
      <span>{Array.from(name)[0] ?? '山'}</span>
    </div>
  );
}
