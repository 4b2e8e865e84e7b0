import { describe, expect, it } from 'vitest';
import { parseCliArgs, parseDuration, UsageError } from '../../../../mock-data/simulator/cli-options.js';

const base = ['--url', 'http://localhost:8080', '--key', 'demo-ingest-key'];

describe('simulate command line', () => {
  it('fills in the defaults', () => {
    expect(parseCliArgs(base)).toEqual({
      url: 'http://localhost:8080',
      key: 'demo-ingest-key',
      scenario: 'normal',
      speed: 1,
      city: '441700',
      seed: 1,
      backfillHours: 0,
    });
  });

  it('reads every option', () => {
    const opts = parseCliArgs([
      ...base,
      '--scenario',
      'typhoon',
      '--speed',
      '60',
      '--city',
      '441500',
      '--seed',
      '42',
      '--mqtt',
      'mqtt://127.0.0.1:1883',
      '--duration',
      '5m',
      '--start',
      '2026-07-01T08:00:00+08:00',
      '--backfill',
      '6',
    ]);
    expect(opts).toMatchObject({ scenario: 'typhoon', speed: 60, city: '441500', seed: 42, mqttUrl: 'mqtt://127.0.0.1:1883', durationMs: 300_000, backfillHours: 6 });
    expect(opts !== 'help' && opts.start).toBe(Date.parse('2026-07-01T00:00:00Z'));
  });

  it('runs any scenario as a drill with --drill', () => {
    expect(parseCliArgs([...base, '--drill'])).toMatchObject({ scenario: 'normal', drill: true });
  });

  it('takes the city from $CITY when --city is absent', () => {
    expect(parseCliArgs(base, { CITY: '445200' })).toMatchObject({ city: '445200' });
  });

  it('answers help', () => {
    expect(parseCliArgs(['--help'])).toBe('help');
  });

  it.each([
    [['--key', 'k'], /--url is required/],
    [['--url', 'http://x'], /--key is required/],
    [[...base, '--scenario', 'flood'], /--scenario must be one of normal, typhoon/],
    [[...base, '--speed', '0'], /--speed must be a positive number/],
    [[...base, '--speed', 'fast'], /--speed must be a positive number/],
    [[...base, '--seed', '1.5'], /--seed must be an integer/],
    [[...base, '--city', 'yangjiang'], /--city must be a six-digit adcode/],
    [[...base, '--mqtt', 'localhost'], /--mqtt must be an mqtt/],
    [[...base, '--start', 'tomorrow'], /--start must be an ISO date-time/],
    [[...base, '--duration', 'soon'], /--duration must look like/],
    [[...base, '--frobnicate'], /Unknown option '--frobnicate'/],
    [['--url', 'localhost:8080', '--key', 'k'], /--url must be an http\(s\) URL/],
  ])('refuses %j with a clear message', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(UsageError);
    expect(() => parseCliArgs(argv)).toThrow(message);
  });

  it.each([
    ['90', 90_000],
    ['90s', 90_000],
    ['10m', 600_000],
    ['2h', 7_200_000],
    ['500ms', 500],
  ])('parses the duration %s with its unit', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });
});
