// Student profiles (student_profiles): one per user, written only by its owner through an upsert.
// Invariants: a collegeId names an active college (else 422); the gamification columns (xpTotal,
// level, streaks) are never written here, only read.
import { DomainError } from '../../domain/errors.js';
import type { Prisma } from '../../prisma/generated/client.js';
import type { AuthContext, ServiceDeps } from '../deps.js';
import { normalizeSkills } from '../../domain/lms/student-profile.js';

type Deps = Pick<ServiceDeps, 'db'>;

export interface ProfileInput {
  collegeId?: string | null | undefined;
  collegeName?: string | null | undefined;
  degree?: string | null | undefined;
  specialization?: string | null | undefined;
  graduationYear?: number | null | undefined;
  dateOfBirth?: string | null | undefined;
  gender?: string | null | undefined;
  city?: string | null | undefined;
  state?: string | null | undefined;
  country?: string | null | undefined;
  currentCompany?: string | null | undefined;
  currentRole?: string | null | undefined;
  workExperienceMonths?: number | null | undefined;
  skills?: string[] | undefined;
  careerGoal?: string | null | undefined;
  bio?: string | null | undefined;
  linkedinUrl?: string | null | undefined;
  githubUrl?: string | null | undefined;
  portfolioUrl?: string | null | undefined;
}

const profileSelect = {
  userId: true,
  collegeId: true,
  collegeName: true,
  degree: true,
  specialization: true,
  graduationYear: true,
  dateOfBirth: true,
  gender: true,
  city: true,
  state: true,
  country: true,
  currentCompany: true,
  currentRole: true,
  workExperienceMonths: true,
  skills: true,
  careerGoal: true,
  bio: true,
  linkedinUrl: true,
  githubUrl: true,
  portfolioUrl: true,
  xpTotal: true,
  level: true,
  currentStreakDays: true,
  longestStreakDays: true,
  lastActiveOn: true,
  createdAt: true,
  updatedAt: true,
  college: { select: { id: true, name: true, city: true, state: true } },
} as const satisfies Prisma.StudentProfileSelect;
type ProfileRow = Prisma.StudentProfileGetPayload<{ select: typeof profileSelect }>;

const day = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;

export const toProfileView = (p: ProfileRow) => ({
  ...p,
  dateOfBirth: day(p.dateOfBirth),
  lastActiveOn: day(p.lastActiveOn),
  createdAt: p.createdAt.toISOString(),
  updatedAt: p.updatedAt.toISOString(),
});
/** createdAt and updatedAt are null for a profile never saved. */
export type ProfileView = Omit<ReturnType<typeof toProfileView>, 'createdAt' | 'updatedAt'> & { createdAt: string | null; updatedAt: string | null };

/** The profile of a user who never saved one: defaults, not a 404, so the form can render. */
function emptyProfile(userId: string): ProfileView {
  return {
    userId,
    collegeId: null,
    collegeName: null,
    degree: null,
    specialization: null,
    graduationYear: null,
    dateOfBirth: null,
    gender: null,
    city: null,
    state: null,
    country: 'India',
    currentCompany: null,
    currentRole: null,
    workExperienceMonths: null,
    skills: [],
    careerGoal: null,
    bio: null,
    linkedinUrl: null,
    githubUrl: null,
    portfolioUrl: null,
    xpTotal: 0,
    level: 1,
    currentStreakDays: 0,
    longestStreakDays: 0,
    lastActiveOn: null,
    createdAt: null,
    updatedAt: null,
    college: null,
  };
}

export async function getMyProfile({ db }: Deps, actor: AuthContext): Promise<ProfileView> {
  const row = await db.studentProfile.findUnique({ where: { userId: actor.userId }, select: profileSelect });
  return row ? toProfileView(row) : emptyProfile(actor.userId);
}

/** Staff read any student's profile; a user id without a profile (or without a user) is 404. */
export async function getStudentProfile({ db }: Deps, userId: string) {
  const row = await db.studentProfile.findUnique({ where: { userId }, select: profileSelect });
  if (!row) throw new DomainError('NOT_FOUND', 'This user has no student profile');
  return toProfileView(row);
}

/** Creates or replaces the fields given; fields left out keep their value. */
export async function upsertMyProfile({ db }: Deps, actor: AuthContext, input: ProfileInput) {
  if (input.collegeId) {
    const college = await db.college.findUnique({ where: { id: input.collegeId }, select: { isActive: true } });
    if (!college?.isActive) throw new DomainError('UNPROCESSABLE', 'No active college with this id', [{ path: 'json.collegeId', message: 'Unknown or inactive college' }]);
  }
  const { dateOfBirth, skills, ...rest } = input;
  const data = {
    ...rest,
    // A college is either picked from the directory or typed in: choosing one clears the other.
    ...(input.collegeId && input.collegeName === undefined ? { collegeName: null } : {}),
    ...(input.collegeName && input.collegeId === undefined ? { collegeId: null } : {}),
    ...(dateOfBirth !== undefined ? { dateOfBirth: dateOfBirth === null ? null : new Date(`${dateOfBirth}T00:00:00Z`) } : {}),
    ...(skills !== undefined ? { skills: normalizeSkills(skills) } : {}),
  } satisfies Prisma.StudentProfileUncheckedUpdateInput;
  const row = await db.studentProfile.upsert({
    where: { userId: actor.userId },
    create: { ...data, userId: actor.userId },
    update: data,
    select: profileSelect,
  });
  return toProfileView(row);
}
