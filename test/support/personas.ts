/**
 * The questionnaire personas both end-to-end suites walk (H5 in Chromium, test/e2e; the WeChat build,
 * test/weapp): the profile each one's taps describe. The figures are worked out from the policy text
 * in the tests and taken from the engine on these profiles.
 */

/** Quick path: an enterprise, topics 创新平台 and 绿色制造, two 是 answers (（一） 50万元 + （二十一） 100万元 = 150万元). */
export const QUICK_PATH = {
  version: 1,
  entity: 'enterprise',
  topics: ['platforms', 'green'],
  facts: { 'm01.techCenter': true, 'm21.nationalGreen': true },
};

/**
 * A large enterprise in 包头市昆都仑区 with a 3000万元 upgrade project (（八） capped at 500万元), 两化融合 3A
 * (（十三） 100万元) and 180万元 of cloud spending (（十四） 36万元): 636万元; a robot project whose 高危环节
 * answer is 不确定 (0–160万元 pending).
 */
export const LARGE_ENTERPRISE = {
  version: 1,
  entity: 'enterprise',
  sme: false,
  region: { cityName: '包头市', countyName: '昆都仑区', countyCode: '150203', poverty: false, oldRevolutionary: false },
  topics: ['investment', 'digital'],
  facts: { 'm13.level': '3A', 'm14.cloudCost': '180' },
  projects: {
    'm08.upgrade': [{ name: '2 号线技改', facts: { chain: true, investment: '3000' } }],
    'm08.robots': [{ facts: { hazardous: 'unknown', robotCost: '800' } }],
  },
};

/** A small 专精特新 firm in 赤峰市宁城县 (革命老区: the 1000万元 threshold of （八）): 50 + 240 = 290万元. */
export const SMALL_SPECIALIZED = {
  version: 1,
  entity: 'enterprise',
  sme: true,
  region: { cityName: '赤峰市', countyName: '宁城县', countyCode: '150429', poverty: 'unknown', oldRevolutionary: true },
  topics: ['platforms', 'investment'],
  facts: { 'm06.recognition': 'specialized' },
  projects: { 'm08.upgrade': [{ facts: { chain: true, investment: '1200' } }] },
};

/** An industrial park in 鄂尔多斯市准格尔旗: （十六） up to 2000万元 and （三十） 500万元 → 500–2500万元. */
export const INDUSTRIAL_PARK = {
  version: 1,
  entity: 'park',
  region: { cityName: '鄂尔多斯市', countyName: '准格尔旗', countyCode: '150622' },
  topics: ['park'],
  facts: { 'm16.parkPlatform': true, 'm20.demoPark': true, 'm30.strongPark': false, 'm30.excellentPark': true },
};
