import { create } from 'xmlbuilder2';
import { parseStatusReport, StatusReportError } from './pain002-status-report';

/** A pain.002 report with one block rejected as a whole (AC04) and transactions of their own. */
function report(namespace: string): string {
  const document = create({ version: '1.0', encoding: 'UTF-8' }).ele(namespace, 'Document');
  const statusReport = document.ele('CstmrPmtStsRpt');
  statusReport.ele('GrpHdr').ele('MsgId').txt('STS-1');
  const rejectedBlock = statusReport.ele('OrgnlPmtInfAndSts');
  rejectedBlock.ele('OrgnlPmtInfId').txt('SDD1-FRST');
  rejectedBlock.ele('PmtInfSts').txt('RJCT');
  rejectedBlock.ele('StsRsnInf').ele('Rsn').ele('Cd').txt('AC04');
  rejectedBlock.ele('TxInfAndSts').ele('OrgnlEndToEndId').txt('PAY-0000000000000001');
  const block = statusReport.ele('OrgnlPmtInfAndSts');
  block.ele('OrgnlPmtInfId').txt('SDD1-RCUR');
  const returned = block.ele('TxInfAndSts');
  returned.ele('OrgnlEndToEndId').txt('PAY-0000000000000002-R1');
  returned.ele('TxSts').txt('RJCT');
  returned.ele('StsRsnInf').ele('Rsn').ele('Cd').txt('MS02');
  const accepted = block.ele('TxInfAndSts');
  accepted.ele('OrgnlEndToEndId').txt('PAY-0000000000000003');
  accepted.ele('TxSts').txt('ACCP');
  return document.end();
}

describe('pain.002 status report', () => {
  it.each(['urn:iso:std:iso:20022:tech:xsd:pain.002.001.03', 'urn:iso:std:iso:20022:tech:xsd:pain.002.001.10'])(
    'when a %s report is read, then each transaction status with its own reason or its block’s',
    (namespace) => {
      expect(parseStatusReport(report(namespace))).toEqual([
        { endToEndId: 'PAY-0000000000000001', status: 'RJCT', reasonCode: 'AC04' },
        { endToEndId: 'PAY-0000000000000002-R1', status: 'RJCT', reasonCode: 'MS02' },
        { endToEndId: 'PAY-0000000000000003', status: 'ACCP', reasonCode: null },
      ]);
    },
  );

  it('when the body is not well-formed, not a status report, or a status names no transaction, then it is refused', () => {
    expect(() => parseStatusReport('<Document><CstmrPmtStsRpt>')).toThrow(StatusReportError);
    expect(() => parseStatusReport('<Document><CstmrDrctDbtInitn/></Document>')).toThrow(/not an ISO 20022 pain.002/);
    expect(() => parseStatusReport('<Document><CstmrPmtStsRpt><OrgnlPmtInfAndSts><TxInfAndSts><TxSts>RJCT</TxSts></TxInfAndSts></OrgnlPmtInfAndSts></CstmrPmtStsRpt></Document>')).toThrow(/no OrgnlEndToEndId/);
  });
});
