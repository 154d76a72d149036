// Small presentation helpers shared by the pages and the CSV export.
import type { RegulationStatus } from '../../indexer/statute/model.ts';

const STATUS: Record<RegulationStatus, string> = { draft: '草案', 'in-force': '现行有效' };

export const statusLabel = (status: RegulationStatus) => STATUS[status];

/**
 * The page of a regulation, optionally at an article or section anchor: /regulations/guizhou-big-data#第十四条.
 * Anchors are our own labels and stay readable; browsers match the fragment either way.
 */
export const regulationHref = (id: string, anchor?: string) => `/regulations/${encodeURIComponent(id)}${anchor ? `#${anchor}` : ''}`;

/** 第十四条第三款 → 第十四条, 第一百三十三条之一第二款 → 第一百三十三条之一; other labels (公告) are anchors themselves. */
export const articleAnchor = (label: string) => /^第[^条]+条(?:之[一二三四五六七八九十]+)?/.exec(label)?.[0] ?? label;
