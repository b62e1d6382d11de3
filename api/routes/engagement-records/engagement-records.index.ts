import { createRouter } from '../../openapi.js';
import * as h from './engagement-records.handlers.js';
import * as r from './engagement-records.routes.js';

export const engagementRecordsRouter = createRouter()
  .openapi(r.rateSkillRoute, h.rateSkillHandler)
  .openapi(r.studentSkillRatingsRoute, h.studentSkillRatingsHandler)
  .openapi(r.rateWeekRoute, h.rateWeekHandler)
  .openapi(r.studentWeeklyRatingsRoute, h.studentWeeklyRatingsHandler)
  .openapi(r.putProgressRoute, h.putProgressHandler)
  .openapi(r.putDailyCardRoute, h.putDailyCardHandler)
  .openapi(r.assignEvalTestRoute, h.assignEvalTestHandler)
  .openapi(r.studentEvalTestsRoute, h.studentEvalTestsHandler)
  .openapi(r.updateEvalTestRoute, h.updateEvalTestHandler)
  .openapi(r.getEvalTestRoute, h.getEvalTestHandler)
  .openapi(r.myProgressRoute, h.myProgressHandler)
  .openapi(r.mySkillRatingsRoute, h.mySkillRatingsHandler)
  .openapi(r.myWeeklyRatingsRoute, h.myWeeklyRatingsHandler)
  .openapi(r.myDailyCardsRoute, h.myDailyCardsHandler)
  .openapi(r.markMyDailyCardRoute, h.markMyDailyCardHandler)
  .openapi(r.myEvalTestsRoute, h.myEvalTestsHandler);
