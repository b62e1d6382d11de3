// What the api shows of a job post: the recruiter's view (everything, plus the matching salary
// benchmark on a single read) and the public view (no owner, no internal dates).
import type { JobPost } from '../../prisma/generated/client.js';
import type { BenchmarkView } from './salary-benchmarks.js';

const rupees = (d: { toNumber(): number } | null) => (d === null ? null : d.toNumber());

export function toPublicJob(j: JobPost) {
  return {
    id: j.id,
    title: j.title,
    description: j.description,
    company: j.company,
    location: j.location,
    employmentType: j.employmentType,
    workMode: j.workMode,
    roles: j.roles,
    skills: j.skills,
    experienceMinYears: j.experienceMinYears,
    experienceMaxYears: j.experienceMaxYears,
    salaryMin: rupees(j.salaryMin),
    salaryMax: rupees(j.salaryMax),
    salaryCurrency: j.salaryCurrency,
    openings: j.openings,
    applicationDeadline: j.applicationDeadline?.toISOString() ?? null,
    publishedAt: j.publishedAt?.toISOString() ?? null,
  };
}
export type PublicJobView = ReturnType<typeof toPublicJob>;

export function toJobView(j: JobPost, benchmark?: BenchmarkView | null) {
  return {
    ...toPublicJob(j),
    status: j.status,
    belongsTo: j.belongsTo,
    postedOn: j.postedOn,
    closedAt: j.closedAt?.toISOString() ?? null,
    createdAt: j.createdAt.toISOString(),
    updatedAt: j.updatedAt.toISOString(),
    ...(benchmark === undefined ? {} : { benchmark }),
  };
}
export type JobView = ReturnType<typeof toJobView>;
