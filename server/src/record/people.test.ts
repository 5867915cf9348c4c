import { describe, expect, it } from 'vitest';
import { personDetails } from './people.js';

const person = (name: string, role: string, organization: string | null = null, systemRole: string | null = null) => ({
  name,
  role,
  organization,
  systemRole,
});

describe('the names in the record', () => {
  it('RP1 brackets the role, organization and system role given after a name', () => {
    expect(personDetails(person('Hana Host', 'host', 'North Academy', 'principal'))).toEqual(['host', 'North Academy', 'principal']);
    expect(personDetails(person('Ana Alvarez', 'participant'))).toEqual(['participant']);
  });

  it('RP2 adds the role once: not again to a name that already ends with it', () => {
    expect(personDetails(person('Hana (host)', 'host'))).toEqual([]);
    expect(personDetails(person('Hana (Host) ', 'host', 'North Academy'))).toEqual(['North Academy']);
    // Only the person's own role: a participant who calls themselves "(host)" is still a participant.
    expect(personDetails(person('Ben (host)', 'participant'))).toEqual(['participant']);
  });
});
