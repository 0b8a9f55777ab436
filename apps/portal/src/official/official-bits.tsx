export { DivisionName } from '../common/division-name';
