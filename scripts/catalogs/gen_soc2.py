#!/usr/bin/env python3
"""Generate the SOC 2 catalog and ismc's own ISO/IEC 27001:2022 -> SOC 2 covering sets.

Written for ismc. Reads nothing but the ISO catalog's ids; all content below is
ismc's own work: identifiers of the AICPA Trust Services Criteria with neutral
titles written by ismc, and ismc's judgement, per criterion, of which ISO/IEC
27001:2022 clauses and Annex A controls together contain it (covering sets,
with the residual the criterion asks beyond them). The imported intuitem set
(iso27001-2022--soc2.yaml, every row "intersects") stays as published beside it.
Method: doc/mapping-method.md.

Writes (relative to the repository root):
  frameworks/soc2-tsc-2017.yaml
  frameworks/mappings/iso27001-2022--soc2.ismc.yaml

Usage: python3 scripts/catalogs/gen_soc2.py [--residuals]
  --residuals  print, instead, what a full ISO/IEC 27001 implementation leaves of each
               criterion (doc/mapping-method.md quotes it)
Edit the tables in this script, not the generated YAML.
"""
import os
import sys
sys.dont_write_bytecode = True

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ismcyaml  # noqa: E402
import xwalk  # noqa: E402
from gen_own import write  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FW = os.path.join(ROOT, "frameworks")

# ---------------------------------------------------------------------------
# SOC 2 (AICPA TSC 2017, revised points of focus 2022): identifiers + own titles
# ---------------------------------------------------------------------------
SOC2 = r"""
CC1 | Control environment
CC1.1 | Commitment to integrity and ethical values
CC1.2 | Board independence and oversight of internal control
CC1.3 | Structures, reporting lines, authorities and responsibilities
CC1.4 | Attracting, developing and retaining competent people
CC1.5 | Accountability for internal control responsibilities
CC2 | Information and communication
CC2.1 | Relevant, quality information supporting internal control
CC2.2 | Internal communication of control information and responsibilities
CC2.3 | Communication with external parties
CC3 | Risk assessment
CC3.1 | Objectives specified clearly enough to identify risks
CC3.2 | Identification and analysis of risks to objectives
CC3.3 | Consideration of fraud risk
CC3.4 | Identification and assessment of significant changes
CC4 | Monitoring activities
CC4.1 | Ongoing and separate evaluations of controls
CC4.2 | Evaluation and communication of control deficiencies
CC5 | Control activities
CC5.1 | Control activities selected and developed to mitigate risks
CC5.2 | General control activities over technology
CC5.3 | Control activities deployed through policies and procedures
CC6 | Logical and physical access controls
CC6.1 | Logical access security software, infrastructure and architectures
CC6.2 | Registration and authorization of users before access is granted
CC6.3 | Authorization, modification and removal of access based on roles
CC6.4 | Restriction of physical access to facilities and protected assets
CC6.5 | Discontinuing logical and physical protections at asset disposal
CC6.6 | Protection against threats from outside the system boundaries
CC6.7 | Restriction and protection of information transmission, movement and removal
CC6.8 | Prevention and detection of unauthorized or malicious software
CC7 | System operations
CC7.1 | Detection of configuration changes and new vulnerabilities
CC7.2 | Monitoring of system components for anomalies
CC7.3 | Evaluation of security events to identify incidents
CC7.4 | Response to identified security incidents
CC7.5 | Recovery from identified security incidents
CC8 | Change management
CC8.1 | Authorization, design, testing, approval and implementation of changes
CC9 | Risk mitigation
CC9.1 | Mitigation of risks from potential business disruptions
CC9.2 | Management of vendor and business partner risks
A | Additional criteria for availability
A1.1 | Capacity management and planning
A1.2 | Environmental protections, backup and recovery infrastructure
A1.3 | Testing of recovery plan procedures
C | Additional criteria for confidentiality
C1.1 | Identification and protection of confidential information
C1.2 | Disposal of confidential information
PI | Additional criteria for processing integrity
PI1.1 | Information on processing objectives and specifications
PI1.2 | Completeness and accuracy of system inputs
PI1.3 | Completeness, accuracy and timeliness of processing
PI1.4 | Completeness, accuracy and timeliness of outputs
PI1.5 | Storage of inputs, items in processing and outputs
P | Additional criteria for privacy
P1.1 | Privacy notice
P2.1 | Choice and consent
P3.1 | Collection limited to privacy objectives
P3.2 | Explicit consent for collection where required
P4.1 | Use limited to privacy objectives
P4.2 | Retention of personal information
P4.3 | Secure disposal of personal information
P5.1 | Data subject access to personal information
P5.2 | Correction and amendment of personal information
P6.1 | Disclosure to third parties with consent
P6.2 | Records of authorized disclosures
P6.3 | Records of unauthorized disclosures, incl. breaches
P6.4 | Privacy commitments of vendors and third parties
P6.5 | Notification of unauthorized disclosures by vendors and third parties
P6.6 | Notification of breaches and incidents to affected parties
P6.7 | Accounting of personal information held and disclosed
P7.1 | Quality of personal information
P8.1 | Privacy inquiries, complaints and disputes
"""

SOC2_HEADER = """\
SOC 2: AICPA Trust Services Criteria for Security, Availability, Processing Integrity,
Confidentiality and Privacy (TSC 2017, with the points of focus revised in 2022).
Categories (CC1-CC9 common criteria series, A, C, PI, P) and the 61 criteria; no points of focus.

Licence position: the criteria text and points of focus are copyrighted by the AICPA and are NOT
reproduced. Only the identifiers are taken from the TSC; every title below is a short neutral
label written by ismc. The identifiers were cross-checked against CISO Assistant's
soc2-2017-rev-2022 library (repository commit f990d7b1), whose processing-integrity ids read
"PP1.x"; the TSC ids are PI1.1-PI1.5, used here.

Generated by scripts/catalogs/gen_soc2.py; edit that script, not this file.
"""


def build_soc2():
    nodes = []
    cat = None
    for line in SOC2.strip().split("\n"):
        ident, title = [x.strip() for x in line.split("|", 1)]
        if "." not in ident:
            nodes.append(dict(id=ident, title=title, level="category"))
            cat = ident
        else:
            nodes.append(dict(id=ident, title=title, level="criterion", parent=cat, ref=ident))
    crit = [n for n in nodes if n["level"] == "criterion"]
    assert len(crit) == 61, len(crit)
    meta = dict(
        id="soc2", aliases=["soc2-tsc"],
        title="SOC 2 Trust Services Criteria (2017, revised points of focus 2022)",
        version="2017 (rev. 2022)",
        publisher="AICPA",
        source="AICPA Trust Services Criteria (2017, points of focus revised 2022): identifiers only",
        licence="Identifiers only; the criteria text is copyrighted by the AICPA. Titles are neutral labels written by ismc.",
        kind="requirements", levels=["category", "criterion"])
    return meta, nodes


# ---------------------------------------------------------------------------
# ISO/IEC 27001:2022 -> SOC 2 (ismc), per criterion.  Format: scripts/catalogs/xwalk.py.
# Judged against the criterion (the points of focus, AICPA text, only as a reading
# aid; none is reproduced).  SOC 2's board of directors is a body distinct from,
# and independent of, management; ISO's top management is management, so the
# board's part is a residual.  Privacy (P) and processing integrity (PI) have no
# counterpart in ISO/IEC 27001.
# ---------------------------------------------------------------------------
SOC2_X = r"""
CC1.1 | sup 4 | 5.1 A.5.4 A.6.2 A.6.4 | commitment to integrity and ethical values (CC1.1): leadership,
  management direction, terms of employment, disciplinary process for security violations
  | standards of conduct on integrity and ethics beyond information security, evaluation of adherence to
  them and timely handling of deviations
CC1.2 | sup 3 | 9.3.1 9.3.2 9.3.3 | board independence and oversight of internal control (CC1.2): top
  management reviews the ISMS
  | a board of directors independent of management, with the needed expertise, overseeing internal
  control
CC1.3 | sup 7 | 5.3 A.5.2 A.5.3 | structures, reporting lines, authorities and responsibilities (CC1.3):
  roles, responsibilities and authorities assigned and communicated, reporting to top management,
  segregation of duties
  | board oversight of the structures and reporting lines
CC1.4 | sup 6 | 7.2 A.6.1 A.6.3 | attract, develop and retain competent people (CC1.4): competence,
  screening, training
  | retention of competent individuals and succession planning for key roles
CC1.5 | sup 5 | 5.3 A.6.2 A.6.4 | accountability for internal control responsibilities (CC1.5):
  responsibilities assigned, in terms of employment, enforced by a disciplinary process
  | performance measures, incentives and rewards tied to internal control responsibilities, and
  consideration of excessive pressures
CC2.1 | sup 6 | 7.5.1 9.1 A.5.9 | relevant, quality information supporting internal control (CC2.1):
  documented information, monitoring and measurement with valid results, inventory of information
  | the information requirements of internal control identified, and the quality of the information used
  (relevant, complete, accurate, timely) maintained
CC2.2 | sup 8 | 7.3 7.4 A.5.1 A.5.2 A.6.3 A.6.8 | internal communication of objectives and
  responsibilities for internal control (CC2.2): awareness, internal communication, policies
  communicated, roles, training, a channel to report events
CC2.3 | sup 6 | 7.4 A.5.5 A.5.6 A.5.20 A.5.26 | communication with external parties (CC2.3): external
  communication, authorities, special interest groups, supplier agreements, incident communication
  | customers and users told the system description, service commitments and their own responsibilities
CC3.1 | sup 8 | 4.1 4.2 6.2 A.5.31 | objectives specified clearly enough to identify risks (CC3.1): context,
  requirements of interested parties incl. legal and contractual ones, measurable security objectives
CC3.2 | sup 9 | 6.1.1 6.1.2 8.2 A.5.19 A.5.21 | identification and analysis of risks to objectives
  (CC3.2): risk assessment across the ISMS scope, incl. supplier and supply chain risks
CC3.3 | sup 4 | 6.1.2 | consideration of fraud risk (CC3.3): the risk assessment covers intentional acts
  against information
  | a fraud risk assessment (incentives and pressures, opportunities, attitudes and rationalisations)
CC3.4 | sup 9 | 4.1 6.3 8.2 9.3.2 | identification and assessment of significant changes (CC3.4): changes in
  issues, planned ISMS changes, risk assessment on significant changes, management review of changes
CC4.1 | sup 9 | 9.1 9.2.1 9.2.2 A.5.35 A.5.36 | ongoing and separate evaluations of controls (CC4.1):
  monitoring and measurement, internal audit, independent review, compliance reviews
CC4.2 | sup 8 | 9.2.2 9.3.2 10.2 | evaluation and timely communication of control deficiencies (CC4.2): audit
  results reported to management, management review of nonconformities, corrective action
  | deficiencies also communicated to the board of directors, as appropriate
CC5.1 | sup 9 | 6.1.3 8.3 | control activities selected and developed to mitigate risks (CC5.1): risk
  treatment determines the controls, checked against Annex A, and is implemented
CC5.2 | sup 9 | 6.1.3 8.1 | general control activities over technology selected and developed (CC5.2):
  controls, technological ones included (Annex A theme 8), determined and operated under control
CC5.3 | sup 9 | 5.2 7.5.1 8.1 A.5.1 A.5.37 | control activities deployed through policies and procedures
  (CC5.3): policy, topic-specific policies, documented operating procedures, operational control
CC6.1 | sup 9 | A.5.9 A.5.15 A.5.16 A.5.17 A.8.2 A.8.3 A.8.4 A.8.5 A.8.20 A.8.22 A.8.24 | logical access
  security software, infrastructure and architectures (CC6.1): asset inventory, access control,
  identities, authentication, privileged access, access restriction, network security and segregation,
  encryption and key management
CC6.2 | sup 9 | A.5.16 A.5.18 | users registered and authorised before access; removed when no longer
  authorised (CC6.2)
CC6.3 | sup 9 | A.5.3 A.5.15 A.5.18 A.8.2 A.8.3 | access authorised, modified and removed by role, least
  privilege and segregation of duties (CC6.3)
CC6.4 | sup 9 | A.7.1 A.7.2 A.7.3 A.7.4 A.7.6 | physical access to facilities and protected assets
  restricted (CC6.4)
CC6.5 | sup 9 | A.7.10 A.7.14 A.8.10 | protections discontinued only after data cannot be recovered
  (CC6.5): secure disposal or re-use, media disposal, information deletion
CC6.6 | sup 9 | A.6.7 A.8.5 A.8.16 A.8.20 A.8.21 A.8.22 A.8.23 A.8.24 | protection against threats from
  outside the system boundaries (CC6.6): remote working, authentication, network security, segregation,
  web filtering, encryption, monitoring
CC6.7 | sup 9 | A.5.14 A.7.9 A.7.10 A.8.1 A.8.12 A.8.24 | transmission, movement and removal of
  information restricted and protected (CC6.7)
CC6.8 | sup 9 | A.8.7 A.8.9 A.8.19 | unauthorised or malicious software prevented or detected (CC6.8)
CC7.1 | sup 9 | A.8.8 A.8.9 A.8.16 | detection of configuration changes and new vulnerabilities (CC7.1)
CC7.2 | sup 9 | A.7.4 A.7.5 A.8.15 A.8.16 | monitoring of system components for anomalies from malicious
  acts, natural disasters and errors (CC7.2)
CC7.3 | sup 9 | A.5.24 A.5.25 A.5.26 | security events evaluated to identify incidents and act on them
  (CC7.3)
CC7.4 | sup 9 | A.5.5 A.5.24 A.5.26 A.5.28 | response to incidents by a defined programme: contain,
  remediate, communicate (CC7.4)
CC7.5 | sup 9 | A.5.26 A.5.27 A.5.29 A.5.30 A.8.13 | recovery from incidents (CC7.5): response,
  security during disruption, ICT readiness, backup, lessons learned
CC8.1 | sup 9 | A.5.37 A.8.9 A.8.25 A.8.26 A.8.27 A.8.28 A.8.29 A.8.31 A.8.32 A.8.33 | changes to
  infrastructure, data, software and procedures authorised, designed, tested, approved, implemented
  (CC8.1): change management, secure development and testing, configuration, documented procedures
CC9.1 | sup 7 | 6.1.3 A.5.29 A.5.30 A.8.13 A.8.14 | mitigation of risks from business disruptions
  (CC9.1): risk treatment, security during disruption, ICT readiness, backup, redundancy
  | business continuity planning for the entity's operations (ISO 27001 requires ICT readiness and
  information security continuity, not business continuity management)
CC9.2 | sup 9 | A.5.19 A.5.20 A.5.21 A.5.22 A.5.23 | vendor and business partner risks assessed and
  managed (CC9.2)
A1.1 | eq 9 | A.8.6 | capacity maintained, monitored and evaluated to meet demand (A1.1): A.8.6
A1.2 | sup 9 | A.5.30 A.7.5 A.7.8 A.7.11 A.8.13 A.8.14 | environmental protections, backup and recovery
  infrastructure (A1.2)
A1.3 | sup 9 | A.5.30 A.8.13 A.8.14 | recovery plan procedures tested (A1.3): ICT readiness, restore and
  failover tests
C1.1 | sup 9 | A.5.9 A.5.10 A.5.12 A.5.13 A.5.33 | confidential information identified and protected
  (C1.1): inventory, classification, labelling, handling, protection of records
C1.2 | sup 9 | A.7.10 A.7.14 A.8.10 | confidential information disposed of (C1.2)
PI1.1,PI1.2,PI1.3,PI1.4,PI1.5 | none | - | processing integrity (specifications, complete and accurate
  inputs, processing, outputs and storage): ISO/IEC 27001:2022 has no processing-integrity controls (input
  and processing validation left Annex A in 2013); the counterpart is application and data quality
  control outside the ISMS
P1.1,P2.1,P3.1,P3.2,P4.1,P4.2,P4.3,P5.1,P5.2,P6.1,P6.2,P6.3,P6.4,P6.5,P6.6,P6.7,P7.1,P8.1 | none | - |
  privacy criteria (notice, choice and consent, collection, use, retention and disposal, access,
  disclosure, quality, complaints): ISO/IEC 27001 only asks, in A.5.34, to identify and meet the PII
  obligations of law and contract; a privacy programme is the subject of ISO/IEC 27701
"""

SOC2_X_HEADER = """\\
ISO/IEC 27001:2022 (clauses 4-10 and Annex A) -> SOC 2 (AICPA TSC 2017, rev. 2022): ismc's own
covering-set judgement, per criterion.

Provenance: ismc. Beside intuitem's mapping (iso27001-2022--soc2.yaml, imported, every row
"intersects"), which stays as published. Written from the criteria identifiers and ismc's
reading of each criterion, and the ISO clause and Annex A control titles with ISO/IEC
27002:2022 as guidance on each control's scope. No AICPA or ISO text is reproduced.
A row whose source is a list is a covering set: the union of the members contains the
criterion, except what its residual states. The board of directors of SOC 2 (CC1.2 and others)
is independent of management; ISO's top management is management, so the board's part is a
residual. The processing integrity (PI1) and privacy (P1-P8) criteria have no counterpart in
ISO/IEC 27001 and stay gaps (no-counterpart rows give the reason). Method and limitations:
doc/mapping-method.md. Licence: ismc's own analysis; identifiers only.

Generated by scripts/catalogs/gen_soc2.py; edit that script, not this file.
"""


def main():
    meta, nodes = build_soc2()
    if "--residuals" not in sys.argv:
        write(os.path.join(FW, "soc2-tsc-2017.yaml"), ismcyaml.catalog(SOC2_HEADER, meta, nodes))
    xwalk.generate(SOC2_X, nodes, dict(
        id="iso27001-2022--soc2--ismc", source="iso27001-2022", target="soc2",
        title="ISO/IEC 27001:2022 to SOC 2 TSC 2017 criteria (ismc covering sets)",
        provenance="ismc",
        origin="ismc analysis of the AICPA Trust Services Criteria (identifiers) against ISO/IEC 27001:2022 clauses 4-10 and Annex A (scope per ISO/IEC 27002:2022)",
        method="doc/mapping-method.md"),
        SOC2_X_HEADER, os.path.join(FW, "mappings", "iso27001-2022--soc2.ismc.yaml"), write)


if __name__ == "__main__":
    main()
