import { IsObject, IsOptional, IsString, ValidateNested } from 'class-validator';
import { toDtoInstance } from './dto-instance';

class InnerDto {
  @IsString()
  name: string;
}

class OuterDto {
  @IsString()
  id: string;

  @IsOptional()
  @IsObject()
  labels?: Record<string, string>;

  @IsOptional()
  @IsObject()
  @ValidateNested()
  inner?: InnerDto;

  @IsOptional()
  @IsString()
  withDefault?: string = 'default';
}

describe('toDtoInstance', () => {
  it('keeps validated properties, drops the others and instantiates declared nested DTOs', () => {
    const instance = toDtoInstance(OuterDto, { id: 'a', inner: { name: 'n', extra: 1 }, unknown: [[[]]] });
    expect(instance).toBeInstanceOf(OuterDto);
    expect(instance.inner).toBeInstanceOf(InnerDto);
    expect(instance.inner).toEqual(Object.assign(new InnerDto(), { name: 'n' }));
    expect(Object.keys(instance)).not.toContain('unknown');
  });

  it('keeps free-form maps exactly as parsed, constructor and __proto__ keys included', () => {
    const raw = JSON.parse('{"id":"a","labels":{"constructor":"x","__proto__":"y","prototype":"z"}}');
    const instance = toDtoInstance(OuterDto, raw);
    expect(instance.labels).toBe(raw.labels);
    expect(Object.keys(instance.labels!)).toEqual(['constructor', '__proto__', 'prototype']);
    expect(Object.getPrototypeOf(instance)).toBe(OuterDto.prototype);
  });

  it('does not let a top-level __proto__ or constructor member touch the instance', () => {
    const instance = toDtoInstance(OuterDto, JSON.parse('{"id":"a","__proto__":{"polluted":true},"constructor":{"prototype":{}}}'));
    expect(Object.getPrototypeOf(instance)).toBe(OuterDto.prototype);
    expect((instance as unknown as { polluted?: boolean }).polluted).toBeUndefined();
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('keeps a nested value that is not an object as it is, for the validators to refuse', () => {
    expect(toDtoInstance(OuterDto, { id: 'a', inner: 'text' }).inner).toBe('text');
    expect(toDtoInstance(OuterDto, { id: 'a', inner: [{ name: 'n' }] }).inner).toEqual([{ name: 'n' }]);
  });

  it('keeps initializer defaults when a property is absent or undefined', () => {
    expect(toDtoInstance(OuterDto, { id: 'a' }).withDefault).toBe('default');
    expect(toDtoInstance(OuterDto, { id: 'a', withDefault: undefined }).withDefault).toBe('default');
    expect(toDtoInstance(OuterDto, { id: 'a', withDefault: null }).withDefault).toBeNull();
  });
});
