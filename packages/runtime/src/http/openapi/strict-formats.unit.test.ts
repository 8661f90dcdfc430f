import { strictFormats } from './strict-formats';

describe('strict formats', () => {
  it.each(['6f1c2b9e-3d4a-4c5b-8e7f-0a1b2c3d4e5f', '6F1C2B9E-3D4A-4C5B-8E7F-0A1B2C3D4E5F'])('when a uuid is canonical (%s), then it passes', (value) => {
    expect(strictFormats.uuid.validate(value)).toBe(true);
  });

  it.each(['urn:uuid:6f1c2b9e-3d4a-4c5b-8e7f-0a1b2c3d4e5f', '{6f1c2b9e-3d4a-4c5b-8e7f-0a1b2c3d4e5f}', '6f1c2b9e3d4a4c5b8e7f0a1b2c3d4e5f', ''])(
    'when a uuid is not canonical (%s), then it is refused',
    (value) => {
      expect(strictFormats.uuid.validate(value)).toBe(false);
    },
  );

  it.each(['1900-01-01', '2026-02-28', '2028-02-29', '9999-12-31'])('when a date is a real day of 1900–9999 (%s), then it passes', (value) => {
    expect(strictFormats.date.validate(value)).toBe(true);
  });

  it.each(['0000-01-01', '0099-12-31', '1899-12-31', '2026-02-29', '2026-13-01', '2026-1-01', '+02026-01-01', '10000-01-01'])(
    'when a date is out of range or not a day (%s), then it is refused',
    (value) => {
      expect(strictFormats.date.validate(value)).toBe(false);
    },
  );

  it.each(['2026-11-21T09:30:00Z', '2026-11-21T09:30:00.123+01:00'])('when a date-time is valid (%s), then it passes', (value) => {
    expect(strictFormats['date-time'].validate(value)).toBe(true);
  });

  it.each(['0099-11-21T09:30:00Z', '2026-11-21T24:00:00Z', '2026-11-21 09:30:00Z', '2026-11-21T09:30:00'])('when a date-time is refused (%s)', (value) => {
    expect(strictFormats['date-time'].validate(value)).toBe(false);
  });
});
