// A stand-in for wx-server-sdk in the cold-start benchmark: just what a shell touches at load and on one call.
const db = { collection: () => ({}), command: {}, serverDate: () => new Date() };
module.exports = {
  DYNAMIC_CURRENT_ENV: Symbol('DYNAMIC_CURRENT_ENV'),
  init: () => {},
  getWXContext: () => ({ OPENID: 'bench-user' }),
  database: () => db,
  openapi: { subscribeMessage: { send: async () => ({ errCode: 0 }) } },
};
