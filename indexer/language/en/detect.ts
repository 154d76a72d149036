// Which language a question is in: the one detector for the whole system.

/**
 * True when Latin letters are at least twice as many as CJK characters (a Chinese character carries
 * about a syllable): "Who appoints the 数据专员?" is English, "什么是AI" is not.
 */
export function isEnglishText(text: string): boolean {
  const latin = (text.match(/[A-Za-z]/g) ?? []).length;
  const cjk = (text.match(/[\u3400-\u9fff]/g) ?? []).length;
  return latin > 0 && latin >= cjk * 2;
}
