// The kit's styles travel with its components: an app that imports the kit gets them once.
import './styles/ui.css';

export * from './components/badge';
export * from './components/button';
export * from './components/checkbox';
export * from './components/class-names';
export * from './components/field';
export * from './components/layout';
export * from './components/link-context';
export * from './components/page-window';
export * from './components/pagination';
export * from './components/price';
export * from './components/select';
export * from './components/status-message';
export * from './components/text-area';
export * from './components/text-field';
export * from './i18n/create-i18n';
export * from './i18n/language-switch';
export * from './i18n/languages';
export * from './i18n/ui-messages';
export * from './i18n/use-language';
export * from './money/yuan-input';
