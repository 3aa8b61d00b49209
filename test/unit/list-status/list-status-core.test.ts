/**
 * The list's status line and disclaimer (pure): the exact line for each state, the stored copy's
 * fetch time in Beijing time, damaged input ignored, and never 在执行 unless the status says so.
 */
import fc from 'fast-check';
import { catalog2022 } from '../../../shared/policy/engine';
import { LIST_STATE_LABELS, LIST_STATES, type ListState, type ListStatus } from '../../../shared/cloud/api';
import { toListStatus, validateListStatus } from '../../../shared/cloud/list-status';
import {
  LIST_STATUS_STORE_VERSION,
  UNVERIFIED_LIST_STATUS,
  deviceFetchTime,
  effectiveListState,
  listStatusDisclaimer,
  listStatusLine,
  parseListStatus,
  parseStoredListStatus,
  statusFromResponse,
  toStored,
} from '../../../src/services/list-status-core';
import { POLICY_LIST_NAME, POLICY_LIST_SHORT, POLICY_LIST_YEAR } from '../../../src/services/policy-list';
import { LIST_SHORT } from '../../../src/services/share';

const NOW = new Date('2026-12-05T04:00:00Z');
const NOTICE = '2023 年清单已发布，本清单措施以新清单为准';

function status(state: ListState, extra: Partial<ListStatus> = {}): ListStatus {
  return {
    state,
    label: LIST_STATE_LABELS[state],
    notice: state === 'superseded' || state === 'repealed' ? NOTICE : '',
    sourceUrl: state === 'unverified' ? '' : 'https://gxt.nmg.gov.cn/notice/1',
    checkedOn: state === 'unverified' ? null : '2026-11-20',
    updatedAt: state === 'unverified' ? null : '2026-11-20T03:00:00.000Z',
    ...extra,
  };
}

const fresh = { fetchedAt: '2026-12-01T02:32:00.000Z', fresh: true, now: NOW };
const stale = { fetchedAt: '2026-12-01T02:32:00.000Z', fresh: false, now: NOW };

describe('the list’s name and year come from one place', () => {
  test('name = catalog title; the short name and share titles use the same year', () => {
    expect(POLICY_LIST_NAME).toBe(catalog2022.title);
    expect(catalog2022.title).toContain(`${POLICY_LIST_YEAR} 年`);
    expect(POLICY_LIST_SHORT).toBe('2022 年清单');
    expect(LIST_SHORT).toBe('内蒙古 2022 制造业政策');
  });
});

describe('listStatusLine', () => {
  test('each state, as fetched from the cloud', () => {
    expect(listStatusLine(UNVERIFIED_LIST_STATUS, fresh)).toBe('依据 2022 年清单 · 状态未核实（尚未核对）');
    expect(listStatusLine(status('inForce'), fresh)).toBe('依据 2022 年清单 · 在执行（最后核对 2026-11-20）');
    expect(listStatusLine(status('superseded'), fresh)).toBe(`依据 2022 年清单 · 已有后续清单（最后核对 2026-11-20）：${NOTICE}`);
    expect(listStatusLine(status('repealed', { notice: '已由 2024 年第 3 号公告废止' }), fresh)).toBe(
      '依据 2022 年清单 · 已废止（最后核对 2026-11-20）：已由 2024 年第 3 号公告废止',
    );
    // An admin checked but could not confirm: still not in force.
    expect(listStatusLine(status('unverified', { checkedOn: '2026-11-20' }), fresh)).toBe('依据 2022 年清单 · 状态未核实（最后核对 2026-11-20）');
    // A notice on an in-force list is shown too.
    expect(listStatusLine(status('inForce', { notice: '以 2026 年申报通知为准' }), fresh)).toBe('依据 2022 年清单 · 在执行（最后核对 2026-11-20）：以 2026 年申报通知为准');
  });

  test('a stored copy shown because the cloud failed says when this device fetched it (Beijing time)', () => {
    expect(listStatusLine(status('inForce'), stale)).toBe('依据 2022 年清单 · 在执行（最后核对 2026-11-20，本机 12月1日 10:32 获取）');
    expect(listStatusLine(status('superseded'), stale)).toBe(`依据 2022 年清单 · 已有后续清单（最后核对 2026-11-20，本机 12月1日 10:32 获取）：${NOTICE}`);
    expect(listStatusLine(UNVERIFIED_LIST_STATUS, stale)).toBe('依据 2022 年清单 · 状态未核实（尚未核对，本机 12月1日 10:32 获取）');
    // 23:30 UTC is the next morning in Beijing; another year shows the year.
    expect(deviceFetchTime('2026-11-30T23:30:00Z', NOW)).toBe('12月1日 07:30');
    expect(deviceFetchTime('2025-12-31T16:05:00Z', NOW)).toBe('1月1日 00:05');
    expect(deviceFetchTime('2025-12-31T15:59:00Z', NOW)).toBe('2025年12月31日 23:59');
  });

  test('Beijing time without Intl time zones (old devices): a fixed UTC+8', () => {
    const spy = jest.spyOn(Date.prototype, 'toLocaleString').mockImplementation(() => {
      throw new RangeError('Unsupported time zone');
    });
    try {
      expect(deviceFetchTime('2026-12-01T02:32:00.000Z', NOW)).toBe('12月1日 10:32');
    } finally {
      spy.mockRestore();
    }
    // A runtime that ignores timeZone and answers in UTC.
    const ignore = jest.spyOn(Date.prototype, 'toLocaleString').mockImplementation(function (this: Date) {
      return this.toISOString().replace(/^(\d+)-(\d+)-(\d+)T(\d+):(\d+):(\d+).*$/, (_m, y, mo, d, h, mi, se) => `${+mo}/${+d}/${y}, ${h}:${mi}:${se}`);
    });
    try {
      expect(deviceFetchTime('2026-12-01T02:32:00.000Z', NOW)).toBe('12月1日 10:32');
    } finally {
      ignore.mockRestore();
    }
  });

  test('nothing known yet: the default never says 在执行, nor that nobody checked', () => {
    expect(listStatusLine(UNVERIFIED_LIST_STATUS, { fetchedAt: null, fresh: false, checking: true })).toBe('依据 2022 年清单 · 状态未核实（正在获取核对情况）');
    expect(listStatusLine(UNVERIFIED_LIST_STATUS, { fetchedAt: null, fresh: false })).toBe('依据 2022 年清单 · 状态未核实（暂未取得核对情况）');
    expect(listStatusLine(null, { fetchedAt: null, fresh: false })).toBe('依据 2022 年清单 · 状态未核实（暂未取得核对情况）');
  });

  test('in force without a check date, or a forged label, is not shown as in force', () => {
    expect(listStatusLine({ ...status('inForce'), checkedOn: null }, fresh)).toBe('依据 2022 年清单 · 状态未核实（尚未核对）');
    expect(listStatusLine({ ...UNVERIFIED_LIST_STATUS, label: '在执行' }, fresh)).toBe('依据 2022 年清单 · 状态未核实（尚未核对）');
    expect(listStatusLine({ ...UNVERIFIED_LIST_STATUS, state: 'bogus' as ListState }, fresh)).toContain('状态未核实');
  });

  test('property: 在执行 appears (outside the notice) only for inForce with a check date', () => {
    const anyStatus = fc.record({
      state: fc.oneof(fc.constantFrom(...LIST_STATES), fc.string()),
      label: fc.oneof(fc.constant('在执行'), fc.string()),
      notice: fc.constant(''),
      sourceUrl: fc.constant(''),
      checkedOn: fc.oneof(fc.constant(null), fc.constant('2026-11-20'), fc.constant('2026-02-30'), fc.string()),
      updatedAt: fc.constant(null),
    });
    fc.assert(
      fc.property(anyStatus, fc.boolean(), fc.option(fc.constant('2026-12-01T02:32:00.000Z')), (s, isFresh, fetchedAt) => {
        const line = listStatusLine(s as ListStatus, { fresh: isFresh, fetchedAt: fetchedAt ?? null, now: NOW });
        const inForce = s.state === 'inForce' && (s.checkedOn === '2026-11-20');
        expect(line.includes('在执行')).toBe(inForce);
        expect(listStatusDisclaimer(s as ListStatus) === '').toBe(inForce);
      }),
    );
  });
});

describe('listStatusDisclaimer', () => {
  test('adds a sentence unless the list is in force', () => {
    expect(listStatusDisclaimer(status('inForce'))).toBe('');
    expect(listStatusDisclaimer(status('superseded'))).toBe('该清单已有后续清单，本测算仅供了解。');
    expect(listStatusDisclaimer(status('repealed'))).toBe('该清单已废止，本测算仅供了解。');
    expect(listStatusDisclaimer(UNVERIFIED_LIST_STATUS)).toBe('清单现行状态未经核实。');
    expect(listStatusDisclaimer(undefined)).toBe('清单现行状态未经核实。');
  });
});

describe('what comes from the cloud', () => {
  test('the server’s default and every status an admin can set are accepted as they are', () => {
    expect(parseListStatus(toListStatus(null))).toEqual(UNVERIFIED_LIST_STATUS);
    for (const state of LIST_STATES) {
      const v = validateListStatus({ state, notice: state === 'inForce' || state === 'unverified' ? '' : NOTICE, sourceUrl: 'https://gxt.nmg.gov.cn/a', checkedOn: '2026-11-20' }, '2026-12-01');
      if (!v.ok) throw new Error(JSON.stringify(v.issues));
      const sent = toListStatus({ _id: 'current', ...v.value, updatedAt: '2026-11-20T03:00:00.000Z', updatedBy: 'admin' } as never);
      expect(parseListStatus(JSON.parse(JSON.stringify(sent)))).toEqual(sent);
      expect(statusFromResponse({ action: 'get', status: sent })).toEqual(sent);
    }
  });

  test('the label is taken from the state, never from the answer', () => {
    expect(parseListStatus({ ...status('superseded'), label: '在执行' })?.label).toBe('已有后续清单');
  });

  test.each([
    ['not an object', 'inForce'],
    ['an array', [status('inForce')]],
    ['an unknown state', { ...status('inForce'), state: 'active' }],
    ['in force without a check date', { ...status('inForce'), checkedOn: null }],
    ['an impossible date', { ...status('inForce'), checkedOn: '2026-02-30' }],
    ['a link that is not http', { ...status('inForce'), sourceUrl: 'javascript:alert(1)' }],
    ['a notice that is not text', { ...status('inForce'), notice: 42 }],
    ['a notice with a line break', { ...status('inForce'), notice: 'a\nb' }],
    ['a bad update time', { ...status('inForce'), updatedAt: 'yesterday' }],
  ])('refused: %s', (_what, raw) => {
    expect(parseListStatus(raw)).toBeNull();
  });

  test('an answer to another action is not a status', () => {
    expect(statusFromResponse({ action: 'list', deadlines: [] })).toBeNull();
    expect(statusFromResponse({ action: 'set', status: status('inForce') })).toBeNull();
    expect(statusFromResponse(null)).toBeNull();
  });
});

describe('what the device stored', () => {
  const copy = { status: status('inForce'), fetchedAt: '2026-12-01T02:32:00.000Z' };

  test('round trip (as an object, and as JSON text)', () => {
    const stored = toStored(copy);
    expect(stored.v).toBe(LIST_STATUS_STORE_VERSION);
    expect(parseStoredListStatus(JSON.parse(JSON.stringify(stored)))).toEqual(copy);
    expect(parseStoredListStatus(JSON.stringify(stored))).toEqual(copy);
  });

  test.each([
    ['nothing stored (Taro answers "")', ''],
    ['undefined', undefined],
    ['broken JSON text', '{"v":1,'],
    ['a number', 7],
    ['an old format (no version)', { status: status('inForce'), fetchedAt: copy.fetchedAt }],
    ['another version', { ...toStored(copy), v: 2 }],
    ['no fetch time', { v: 1, status: status('inForce') }],
    ['a fetch time that is not a time', { ...toStored(copy), fetchedAt: 'today' }],
    ['a damaged status', { ...toStored(copy), status: { ...status('inForce'), checkedOn: null } }],
    ['a status that is not an object', { ...toStored(copy), status: 'inForce' }],
  ])('ignored: %s', (_what, raw) => {
    expect(parseStoredListStatus(raw)).toBeNull();
  });

  test('effectiveListState of a stored copy', () => {
    expect(effectiveListState(copy.status)).toBe('inForce');
    expect(effectiveListState(null)).toBe('unverified');
  });
});
