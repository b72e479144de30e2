// The demo's coach: answers the coach's report requests (one answer's judgement, a rewrite, the practice plan) as a
// plausible model would, for `pnpm demo` and the browser specs. Every quote is copied verbatim from the answer in
// the request; scores follow simple cues (length, numbers, "I" against "we"), so a short or vague answer scores low.

/** Which report request a prompt is, by the data tags the app fences it in; null when it is not one. */
export function reportRequestKind(prompt: string): 'judge' | 'rewrite' | 'practice' | null {
  if (prompt.includes('<answer_to_judge')) return 'judge';
  if (prompt.includes('<answer_to_rewrite')) return 'rewrite';
  if (prompt.includes('<interview_summary>')) return 'practice';
  return null;
}

/** The reply to a report request, as the JSON the app's schema asks for. */
export function coachReply(prompt: string): object {
  switch (reportRequestKind(prompt)) {
    case 'judge':
      return judgement(prompt);
    case 'rewrite':
      return rewrite(prompt);
    default:
      return practice(prompt);
  }
}

interface Answer {
  label: string;
  text: string;
  sentences: string[];
}

function answerIn(prompt: string, tag: string): Answer {
  const match = new RegExp(`<${tag} label="([^"]+)">\\n([\\s\\S]*?)\\n</${tag}>`).exec(prompt);
  const text = match?.[2] ?? '';
  const sentences = text.split(/(?<=[.!?])\s+/).map((sentence) => sentence.trim()).filter((sentence) => sentence !== '');
  return { label: match?.[1] ?? 'A1', text, sentences };
}

/** Up to `count` words of a sentence, from its start: always a verbatim piece of the answer. */
function quoteOf(sentence: string | undefined, count = 10): string {
  const words = (sentence ?? '').split(/\s+/).filter((word) => word !== '');
  return words.length < 3 ? '' : words.slice(0, count).join(' ').replace(/[,;:]$/, '');
}

function judgement(prompt: string): object {
  const answer = answerIn(prompt, 'answer_to_judge');
  const words = answer.text.split(/\s+/).filter((word) => word !== '');
  const mine = answer.sentences.find((sentence) => /\bI\b/.test(sentence));
  const measured = answer.sentences.find((sentence) => /\d|half|double|cut|fell|rose|reduced|improved/i.test(sentence));
  const i = (answer.text.match(/\bI\b/g) ?? []).length;
  const we = (answer.text.match(/\bwe\b/gi) ?? []).length;
  const long = words.length >= 25;
  const score = (base: number) => Math.max(1, Math.min(5, words.length < 10 ? 1 : base));
  const first = quoteOf(answer.sentences[0]);
  const dimension = (reason: string, quote: string, value: number) => ({ reason: words.length < 10 ? 'Too short to show much.' : reason, quote, score: score(value) });
  const requirements = [...(/<job_requirements>\n([\s\S]*?)\n<\/job_requirements>/.exec(prompt)?.[1] ?? '').matchAll(/^(\d+)\. (.+)$/gm)].flatMap((match) => {
    const keyword = match[2]!.split(/\s+/).find((word) => word.length >= 4 && answer.text.toLowerCase().includes(word.toLowerCase()));
    const sentence = keyword && answer.sentences.find((candidate) => candidate.toLowerCase().includes(keyword.toLowerCase()));
    const quote = quoteOf(sentence);
    return quote ? [{ requirement: Number(match[1]), status: mine && sentence === mine ? 'demonstrated' : 'mentioned', quote }] : [];
  });
  return {
    turn: answer.label,
    relevance: dimension('The answer stays on the question.', first, long ? 4 : 2),
    specificity: dimension(measured ? 'It names concrete details and a number.' : 'It stays general, with no names or numbers.', quoteOf(measured ?? answer.sentences[0]), measured ? 4 : 2),
    structure: dimension(answer.sentences.length >= 3 ? 'It moves from the situation to what was done.' : 'It is too short to have a shape.', first, answer.sentences.length >= 3 ? 3 : 2),
    ownership: dimension(i > we ? 'Your own part is clear.' : 'It is hard to tell what you did yourself.', quoteOf(mine ?? answer.sentences[0]), i > we ? 4 : 2),
    impact: dimension(measured ? 'It says what changed.' : 'It never says what changed as a result.', quoteOf(measured ?? answer.sentences.at(-1)), measured ? 4 : 1),
    technicalDepth: { applies: false, reason: '', quote: '', score: 1 },
    star: { applies: /tell me about a time|walk me through|what did you/i.test(prompt), situation: first, task: '', action: quoteOf(mine), result: quoteOf(measured) },
    strengths: long && mine ? [{ point: 'You say what you did yourself.', quote: quoteOf(mine) }] : [],
    improvements: [{ point: measured ? 'Open with the result, then tell the story.' : 'End with a result you measured.', quote: quoteOf(answer.sentences.at(-1)) }],
    requirements,
  };
}

function rewrite(prompt: string): object {
  const answer = answerIn(prompt, 'answer_to_rewrite');
  const own = answer.sentences.map((sentence) => sentence.replace(/^We\b/, 'I').replace(/\bwe\b/g, 'I'));
  return {
    changes: ['Says what you did yourself, in "I".', 'Ends with a place for the result you measured.'],
    rewrite: `${own.join(' ')} [The result you measured.]`.trim(),
  };
}

function practice(prompt: string): object {
  const summary = /<interview_summary>\n([\s\S]*?)\n<\/interview_summary>/.exec(prompt)?.[1] ?? '';
  const answers = [...summary.matchAll(/^(A\d+)\. Question: .*\nAnswer: (.*)$/gm)].map((match) => ({ label: match[1]!, quote: quoteOf(match[2]!.replace(/ …$/, ''), 6) }));
  const pick = (index: number) => answers[index % Math.max(1, answers.length)] ?? { label: 'A1', quote: '' };
  return {
    drills: [
      { turn: pick(0).label, quote: pick(0).quote, why: 'Your stories stop before their result.', title: 'Finish with the result', how: 'In your next interview, end every story with what changed and how you know.' },
      { turn: pick(1).label, quote: pick(1).quote, why: 'Listeners could not always tell what you did yourself.', title: 'Say what you did', how: 'Practise each story in "I": your decision, your action, your part.' },
      { turn: pick(2).label, quote: '', why: 'Numbers make a claim believable.', title: 'Bring one number', how: 'Prepare one measured figure for each project on your resume and say it out loud.' },
    ],
  };
}
