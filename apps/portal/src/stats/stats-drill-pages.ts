// The drill-down pages, one chunk with the styles they share with the dashboard.
import './stats.css';

export { StatsLinesPage } from './lines-page';
export { StatsOrderPage } from './stats-order-page';
