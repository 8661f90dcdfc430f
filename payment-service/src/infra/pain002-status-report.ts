import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** One transaction status of a bank's status report. */
export interface ReportedStatus {
  /** OrgnlEndToEndId: our debit key, as the pain.008 file carried it. */
  endToEndId: string;
  /** TxSts, or the block's PmtInfSts when the transaction has none: RJCT for a rejection or return. */
  status: string;
  /** StsRsnInf/Rsn/Cd of the transaction, or of its block. */
  reasonCode: string | null;
}

export class StatusReportError extends Error {}

const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: true,
  // Nothing read here needs an entity, and a DOCTYPE's own entities are how XML bombs expand: left unexpanded.
  processEntities: false,
  isArray: (name) => name === 'OrgnlPmtInfAndSts' || name === 'TxInfAndSts' || name === 'StsRsnInf',
});

type Node = Record<string, unknown>;
const nodeOf = (value: unknown): Node | undefined => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Node) : undefined);
const textOf = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const listOf = (value: unknown): Node[] => (Array.isArray(value) ? (value as unknown[]).flatMap((item): Node[] => { const node = nodeOf(item); return node ? [node] : []; }) : []);
const reasonOf = (node: Node): string | undefined => textOf(nodeOf(nodeOf(listOf(node.StsRsnInf)[0])?.Rsn)?.Cd);

/**
 * The transaction statuses of an ISO 20022 Customer Payment Status Report (pain.002, any
 * version: the elements read here are the same from 001.03 to 001.13), parsed by fast-xml-parser.
 * Throws StatusReportError for a body that is not well-formed XML or not such a report, or a
 * transaction without an end-to-end id: nothing of such a file is applied.
 */
export function parseStatusReport(xml: string): ReportedStatus[] {
  const wellFormed = XMLValidator.validate(xml);
  if (wellFormed !== true) throw new StatusReportError(`The body is not well-formed XML: ${wellFormed.err.msg} (line ${wellFormed.err.line}).`);
  const report = nodeOf(nodeOf(nodeOf(parser.parse(xml))?.Document)?.CstmrPmtStsRpt);
  if (!report) throw new StatusReportError('The body is not an ISO 20022 pain.002 Customer Payment Status Report (Document/CstmrPmtStsRpt).');
  return listOf(report.OrgnlPmtInfAndSts).flatMap((block) =>
    listOf(block.TxInfAndSts).map((transaction, index) => {
      const endToEndId = textOf(transaction.OrgnlEndToEndId);
      if (!endToEndId) throw new StatusReportError(`Transaction status ${index + 1} of block ${textOf(block.OrgnlPmtInfId) ?? '?'} has no OrgnlEndToEndId.`);
      return {
        endToEndId,
        status: textOf(transaction.TxSts) ?? textOf(block.PmtInfSts) ?? 'UNKNOWN',
        reasonCode: reasonOf(transaction) ?? reasonOf(block) ?? null,
      };
    }),
  );
}
