/**
 * Text widths for Vega's layout in Node. Without a canvas Vega guesses every
 * character as 0.8 em wide, which makes long axis titles push the plot down and
 * truncates legend titles; the SVG and PNG are drawn in DejaVu Sans, so Vega is
 * given that font's advance widths instead. Widths are in thousandths of an em,
 * read from the hmtx and cmap tables of DejaVuSans.ttf and DejaVuSans-Bold.ttf
 * (fonts-dejavu-core 2.37) for U+0020..U+007E and a few symbols orgsim writes;
 * other characters count as the average letter. Vega's documented hook for this
 * is `textMetrics.width`, as vl-convert uses it. Browsers measure with their own
 * canvas and are unaffected.
 */
import * as vega from 'vega';

/** vega-scenegraph's measuring hook; re-exported by vega but missing from its typings. */
const { textMetrics } = vega as unknown as { textMetrics: { width: (item: TextItem, text: unknown) => number } };

const FIRST = 0x20;
const REGULAR = [
  318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636,
  636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632,
  575, 775, 752, 295, 295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611, 732, 684, 989, 685,
  611, 685, 390, 337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579,
  278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
];
const BOLD = [
  348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, 696, 696, 696,
  696, 696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 580, 1000, 774, 762, 734, 830, 683,
  683, 821, 837, 372, 372, 775, 637, 995, 837, 850, 733, 850, 770, 720, 682, 812, 774, 1103, 771,
  724, 725, 457, 365, 457, 838, 500, 500, 675, 716, 593, 716, 678, 435, 716, 712, 343, 343, 665,
  343, 1042, 712, 687, 716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838,
];
const REGULAR_EXTRA: Record<string, number> = { '×': 838, '−': 838, '…': 1000, '·': 318, '–': 500, '—': 1000, '°': 500 };
const BOLD_EXTRA: Record<string, number> = { '×': 838, '−': 838, '…': 1000, '·': 380, '–': 500, '—': 1000, '°': 500 };
const OTHER = 640;

interface TextItem {
  fontSize?: number | string;
  fontWeight?: number | string;
}

/** Width in pixels of one line of DejaVu Sans text. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  const table = bold ? BOLD : REGULAR;
  const extra = bold ? BOLD_EXTRA : REGULAR_EXTRA;
  let units = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)! - FIRST;
    units += table[code] ?? extra[ch] ?? OTHER;
  }
  return (units / 1000) * fontSize;
}

/** Makes Vega measure text with DejaVu Sans widths (idempotent). */
export function useDejaVuTextWidths(): void {
  textMetrics.width = (item: TextItem, text: unknown) => {
    const size = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
    const weight = item.fontWeight;
    const bold = weight === 'bold' || weight === 'bolder' || Number(weight) >= 600;
    return textWidth(String(text ?? '').trim(), size, bold);
  };
}
