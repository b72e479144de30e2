// The level a job description implies, from its title words first, then the years it asks for.
import { describe, expect, it } from 'vitest';
import { guessLevel } from './level.ts';

describe('guessLevel', () => {
  it.each([
    ['Senior Backend Engineer at Acme Pay. Go, Kafka.', 'senior'],
    ['Sr. Data Analyst\nWe are hiring.', 'senior'],
    ['Staff Software Engineer, Platform', 'lead'],
    ['Principal Engineer\n10+ years', 'lead'],
    ['Junior Frontend Developer', 'entry'],
    ['Graduate Software Engineer 2026 intake', 'entry'],
    ['Software Engineering Intern (Summer)', 'entry'],
    ['Backend Engineer\nRequirements: 5+ years of Python', 'senior'],
    ['Backend Engineer\nYou have 3-5 years of experience', 'mid'],
    ['Backend Engineer\nAt least 1 year with React', 'entry'],
    ['Backend Engineer\n10 years building APIs', 'lead'],
    ['Backend Engineer\nGo, Kafka, Postgres', 'mid'],
    ['Backend Engineer\nGo, Kafka\n\nAbout us\nOur senior team mentors you', 'senior'],
    ['Site Reliability Engineer\n\nYou will lead incident reviews and own our SLOs.', 'mid'],
    ['Backend Engineer\n\nYou will pair with our principal engineer.', 'lead'],
    ['', 'mid'],
  ])('%s → %s', (jobDescription, expected) => {
    expect(guessLevel(jobDescription)).toBe(expected);
  });
});
