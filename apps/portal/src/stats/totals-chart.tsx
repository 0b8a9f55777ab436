import { formatYuan } from '@shanhai/domain';
import { useLanguage } from '@shanhai/ui';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { wholeYuanLabel } from './stats-format';

/** Long names (cooperatives) cut for the axis; the table beside the chart has them whole. */
function shortLabel(label: string): string {
  return label.length > 12 ? `${label.slice(0, 11)}…` : label;
}

export interface ChartPoint {
  readonly key: string;
  readonly label: string;
  readonly netFen: number;
}

/**
 * A bar chart of net amounts. It is a picture of the table beside it, which is the accessible and exact version,
 * so the chart is labelled as a whole and says where the numbers are.
 */
export function TotalsChart({ points, label, layout = 'columns' }: { points: readonly ChartPoint[]; label: string; layout?: 'columns' | 'bars' }) {
  const { language } = useLanguage();
  const horizontal = layout === 'bars';
  const height = horizontal ? Math.max(160, 36 * points.length + 40) : 260;
  return (
    <figure className="stats-chart" role="img" aria-label={label} data-testid="stats-chart">
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={points as ChartPoint[]} layout={horizontal ? 'vertical' : 'horizontal'} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e3e0d8" />
          {horizontal ? (
            <>
              <XAxis type="number" tickFormatter={(v: number) => wholeYuanLabel(v, language)} fontSize={12} />
              <YAxis type="category" dataKey="label" width={176} tickFormatter={shortLabel} fontSize={12} />
            </>
          ) : (
            <>
              <XAxis dataKey="label" fontSize={12} />
              <YAxis tickFormatter={(v: number) => wholeYuanLabel(v, language)} width={88} fontSize={12} />
            </>
          )}
          <Tooltip formatter={(v) => formatYuan(Number(v))} />
          <Bar dataKey="netFen" fill="#2f6f4f" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
