import 'reflect-metadata';
import { IsOptional, IsString, IsUUID, ValidateNested } from 'class-validator';
import { IsRfc3339 } from './validators';
import { normaliseInput } from './input-normaliser';

const ID = '0F8FAD5B-D9CB-469F-A165-70867728950E';

class InnerDto {
  @IsUUID('all')
  owner_id: string;

  @IsString()
  name: string;
}

class OuterDto {
  @IsUUID('all')
  application_id: string;

  @IsOptional()
  @IsUUID('all', { each: true })
  subscription_ids?: string[];

  @IsString()
  label: string;

  @ValidateNested()
  inner: InnerDto;

  labels: Record<string, string>;
}

describe('normaliseInput', () => {
  it('lower-cases UUID properties, one or many, nested DTOs included, and leaves every other value as it was', () => {
    const inner = Object.assign(new InnerDto(), { owner_id: ID, name: 'Ada' });
    const outer = Object.assign(new OuterDto(), {
      application_id: ID,
      subscription_ids: [ID, ID],
      label: 'KEEP',
      inner,
      labels: { application_id: ID },
    });
    const normalised = normaliseInput(outer);
    expect(normalised).toBe(outer);
    expect(outer.application_id).toBe(ID.toLowerCase());
    expect(outer.subscription_ids).toEqual([ID.toLowerCase(), ID.toLowerCase()]);
    expect(outer.inner.owner_id).toBe(ID.toLowerCase());
    expect(outer.inner.name).toBe('Ada');
    expect(outer.label).toBe('KEEP');
    expect(outer.labels).toEqual({ application_id: ID });
  });

  it('leaves an absent optional id absent', () => {
    const outer = Object.assign(new OuterDto(), { application_id: ID, label: 'x' });
    normaliseInput(outer);
    expect('subscription_ids' in outer).toBe(false);
  });

  it('rewrites in UTC a time whose offset PostgreSQL refuses, fraction kept, and leaves other times as given', () => {
    class WindowDto {
      @IsRfc3339()
      from: string;

      @IsRfc3339()
      to: string;
    }
    const window = Object.assign(new WindowDto(), { from: '2026-01-01T00:00:00.123456+23:59', to: '2026-01-01T00:00:00.123456+02:00' });
    normaliseInput(window);
    expect(window).toEqual({ from: '2025-12-31T00:01:00.123456Z', to: '2026-01-01T00:00:00.123456+02:00' });
  });
});
