// The CRM's approvals, targets, batch pools, lead logs, legacy leads and identity reads: one
// mount point for app.ts (each feature keeps its own route folder).
import { createRouter } from '../../openapi.js';
import { crmApprovalsRouter } from '../crm-approvals/crm-approvals.index.js';
import { crmBatchPoolsRouter } from '../crm-batch-pools/crm-batch-pools.index.js';
import { crmTargetsRouter } from '../crm-targets/crm-targets.index.js';
import { crmLegacyRouter } from '../crm-legacy/crm-legacy.index.js';
import { loginHistoryRouter } from '../login-history/login-history.index.js';
import { vendorKeyUsageRouter } from '../vendor-key-usage/vendor-key-usage.index.js';
import { hrCallConfigsRouter } from '../hr-call-configs/hr-call-configs.index.js';
import { crmLeadReadsRouter } from '../crm-lead-reads/crm-lead-reads.index.js';
import { crmSalesHeadsRouter } from '../crm-sales-heads/crm-sales-heads.index.js';

export const crmRestRouter = createRouter().route('/', crmApprovalsRouter).route('/', crmLeadReadsRouter).route('/', crmBatchPoolsRouter)
  .route('/', crmTargetsRouter)
  .route('/', crmLegacyRouter)
  .route('/', loginHistoryRouter)
  .route('/', vendorKeyUsageRouter)
  .route('/', hrCallConfigsRouter)
  .route('/', crmSalesHeadsRouter);
