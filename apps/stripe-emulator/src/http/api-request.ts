import { FormObject } from './form-body';
import { Router } from './router';

export interface ApiRequest {
  method: string;
  path: string;
  /** Body for POST, query string for GET and DELETE. */
  params: FormObject;
  pathParams: Record<string, string>;
  /** The request's `Stripe-Version` (or the emulator default): some parameters depend on it. */
  apiVersion: string;
}

/** Returns the response body; failures are thrown as `ApiError`. Synchronous on purpose (see EventLog). */
export type ApiHandler = (req: ApiRequest) => object;

export type ApiRouter = Router<ApiHandler>;
