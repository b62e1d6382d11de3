// Every engagement router (XP, badges, staff records, warnings, student queries, risk), mounted by app.ts as one.
import { createRouter } from '../../openapi.js';
import { engagementQueriesRouter } from '../engagement-queries/engagement-queries.index.js';
import { engagementRiskRouter } from '../engagement-risk/engagement-risk.index.js';
import { engagementRecordsRouter } from '../engagement-records/engagement-records.index.js';
import { engagementWarningsRouter } from '../engagement-warnings/engagement-warnings.index.js';
import { engagementXpRouter } from '../engagement-xp/engagement-xp.index.js';

export const engagementRouter = createRouter()
  .route('/', engagementXpRouter)
  .route('/', engagementRecordsRouter)
  .route('/', engagementWarningsRouter)
  .route('/', engagementQueriesRouter)
  .route('/', engagementRiskRouter);
