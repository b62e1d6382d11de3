// The lead fields a CRM workflow's conditions and templates may read ({{lead.name}}, status = …).
import type { LeadSnapshot } from '../../domain/crm-engine/graph.js';
import type { RawLead } from '../../prisma/generated/client.js';

export function leadSnapshot(l: RawLead): LeadSnapshot {
  return {
    name: l.name,
    phone: l.phone,
    email: l.email,
    status: l.status,
    sourceType: l.sourceType,
    sourceDetail: l.sourceDetail,
    city: l.city,
    state: l.state,
    college: l.college,
    qualification: l.qualification,
    graduationYear: l.graduationYear,
    utmSource: l.utmSource,
    utmMedium: l.utmMedium,
    utmCampaign: l.utmCampaign,
    assignedTo: l.assignedTo,
    sessionYear: l.sessionYear,
  };
}
