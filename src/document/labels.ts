/** Words shown for enumerated policy values, shared by the page and the PDF so both say the same thing. */
import type { Compliance } from '../model/compliance.ts';

type Certification = Compliance['certifications'][number];

export const certificationStatusText: Record<Certification['status'], string> = { certified: 'Certified', 'in-progress': 'In progress', planned: 'Planned', 'not-offered': 'Not offered' };

export const reportAvailabilityText: Record<Certification['report'], string> = { public: 'Public', 'under-nda': 'Under NDA', 'on-request': 'On request', none: 'Not available' };
