import { Param, ParseUUIDPipe, PipeTransform } from '@nestjs/common';
import { invalid } from './app-error';

/** A path parameter that must be a UUID; anything else is a 400 naming the parameter. */
export const UuidParam = (name: string): ParameterDecorator =>
  Param(name, new ParseUUIDPipe({ exceptionFactory: () => invalid(name, 'must be a UUID') }));

class DivisionCodePipe implements PipeTransform<string, string> {
  constructor(private readonly name: string) {}
  transform(value: string): string {
    if (!/^[1-9]\d{5}$/.test(value)) throw invalid(this.name, 'must be a six-digit GB/T 2260 code');
    return value;
  }
}

export const DivisionCodeParam = (name: string): ParameterDecorator => Param(name, new DivisionCodePipe(name));
