#!/usr/bin/env python3
"""Generate ismc's own framework catalogs and crosswalks.

Written for ismc. Reads nothing; all content below is ismc's own work:
short titles paraphrasing EU legislation (DORA, NIS2), short neutral titles
for the AICPA Trust Services Criteria (identifiers only from the AICPA), and
ismc's typed ISO/IEC 27001:2022 crosswalks to DORA (the table is in
dora_crosswalk.py) and NIS2 (method: doc/mapping-method.md).

Writes (relative to the repository root):
  frameworks/dora.yaml
  frameworks/nis2.yaml
  frameworks/soc2-tsc-2017.yaml
  frameworks/mappings/iso27001-2022--dora.yaml
  frameworks/mappings/iso27001-2022--nis2.yaml

Usage: python3 scripts/catalogs/gen_own.py
Edit the tables in this script and in dora_crosswalk.py, not the generated YAML.
"""
import os
import sys
sys.dont_write_bytecode = True
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ismcyaml  # noqa: E402
import dora_crosswalk  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FW = os.path.join(ROOT, "frameworks")

# ---------------------------------------------------------------------------
# DORA catalog.  Lines: KIND ID | title.  KIND: C chapter, A article,
# P paragraph, T point.  A point's parent is the last paragraph of the same
# article, or the article when the article has no numbered paragraphs (Art. 7).
# ---------------------------------------------------------------------------
DORA = r"""
C II | ICT risk management
A 5 | Governance and organisation
P 5.1 | Internal governance and control framework ensuring effective, prudent ICT risk management
P 5.2 | Management body defines, approves and oversees the ICT risk management framework
T 5.2.a | Management body bears ultimate responsibility for managing ICT risk
T 5.2.b | Policies ensuring availability, authenticity, integrity and confidentiality of data
T 5.2.c | Clear roles for all ICT functions; governance for communication and coordination among them
T 5.2.d | Set and approve the digital operational resilience strategy, incl. ICT risk tolerance
T 5.2.e | Approve, oversee and review the ICT business continuity policy and response/recovery plans
T 5.2.f | Approve and periodically review ICT internal audit plans and ICT audits
T 5.2.g | Allocate and review budget for digital operational resilience, incl. awareness and training
T 5.2.h | Approve and review the policy on use of ICT services from ICT third-party providers
T 5.2.i | Reporting channels on ICT third-party arrangements, material changes and major incidents
P 5.3 | Role or senior manager monitoring ICT third-party arrangements and related risk exposure
P 5.4 | Management body members keep ICT risk knowledge and skills current, incl. regular training
A 6 | ICT risk management framework
P 6.1 | Sound, comprehensive, documented ICT risk management framework within overall risk management
P 6.2 | Strategies, policies, procedures and tools protecting all information and ICT assets
P 6.3 | Minimise impact of ICT risk; give authorities ICT risk information on request
P 6.4 | Independent ICT risk control function; segregated risk, control and internal audit functions
P 6.5 | Document and review the framework yearly and after major incidents; improve; report on request
P 6.6 | Regular internal audit of the framework by auditors with ICT expertise and independence
P 6.7 | Formal follow-up of internal audit findings, incl. timely remediation of critical findings
P 6.8 | Digital operational resilience strategy within the framework
T 6.8.a | Strategy explains how the framework supports business strategy and objectives
T 6.8.b | Strategy sets ICT risk tolerance and analyses impact tolerance for ICT disruptions
T 6.8.c | Strategy sets information security objectives, incl. KPIs and key risk metrics
T 6.8.d | Strategy explains the ICT reference architecture and changes needed for business objectives
T 6.8.e | Strategy outlines mechanisms to detect, prevent and protect against ICT-related incidents
T 6.8.f | Strategy evidences resilience status from major incidents reported and preventive measures
T 6.8.g | Strategy implements digital operational resilience testing (Chapter IV)
T 6.8.h | Strategy outlines communication for ICT-related incidents whose disclosure is required
A 7 | ICT systems, protocols and tools
T 7.a | ICT systems, protocols and tools appropriate to the magnitude of operations
T 7.b | ICT systems, protocols and tools are reliable
T 7.c | Sufficient capacity to process data accurately and timely and to handle peak volumes
T 7.d | Technologically resilient under stressed market conditions or other adverse situations
A 8 | Identification
P 8.1 | Identify, classify and document ICT-supported functions, roles, assets and their dependencies
P 8.2 | Continuously identify ICT risk sources; assess threats and vulnerabilities; review scenarios yearly
P 8.3 | Risk assessment upon each major change in infrastructure, processes or procedures
P 8.4 | Identify all information and ICT assets; map critical ones, configurations and interdependencies
P 8.5 | Identify processes depending on ICT third-party providers and interconnections supporting CIFs
P 8.6 | Maintain inventories; update them periodically and upon every major change
P 8.7 | Yearly ICT risk assessment of legacy ICT systems and before/after connecting new technologies
A 9 | Protection and prevention
P 9.1 | Continuously monitor and control security and functioning of ICT systems; deploy security tools
P 9.2 | Security policies, procedures and tools for resilience, continuity, availability and data security
P 9.3 | ICT solutions and processes protecting data and systems
T 9.3.a | Ensure the security of the means of transfer of data
T 9.3.b | Minimise risk of data corruption or loss, unauthorised access and technical flaws
T 9.3.c | Prevent unavailability, impaired authenticity or integrity, confidentiality breaches and data loss
T 9.3.d | Protect data from data-management risks: poor administration, processing errors, human error
P 9.4 | ICT security policies and controls within the framework
T 9.4.a | Documented information security policy protecting data, information and ICT assets
T 9.4.b | Sound network and infrastructure management; connections can be severed or segmented at once
T 9.4.c | Access policies limiting physical and logical access to need; sound access rights administration
T 9.4.d | Strong authentication; protection of cryptographic keys; encryption by classification and risk
T 9.4.e | Risk-based, documented ICT change management, approved by management, with specific protocols
T 9.4.f | Documented policies for patches and updates
A 10 | Detection
P 10.1 | Promptly detect anomalous activities and single points of failure; test detection regularly
P 10.2 | Multi-layer detection with alert thresholds and automatic alerts triggering incident response
P 10.3 | Sufficient resources to monitor user activity, ICT anomalies and incidents, esp. cyber-attacks
P 10.4 | Data reporting service providers check trade reports for completeness and obvious errors
A 11 | Response and recovery
P 11.1 | Comprehensive ICT business continuity policy within the overall business continuity policy
P 11.2 | Arrangements implementing the ICT business continuity policy
T 11.2.a | Ensure continuity of critical or important functions
T 11.2.b | Respond to and resolve ICT-related incidents quickly, limiting damage, prioritising recovery
T 11.2.c | Activate without delay containment plans and tailored response and recovery procedures
T 11.2.d | Estimate preliminary impacts, damages and losses
T 11.2.e | Communication and crisis management actions; reporting to competent authorities
P 11.3 | ICT response and recovery plans, subject to independent internal audit review
P 11.4 | Maintain and periodically test ICT business continuity plans, incl. for outsourced CIFs
P 11.5 | Business impact analysis of severe disruptions; ICT designed in line with it, with redundancy
P 11.6 | Testing and review of continuity and recovery plans
T 11.6.a | Test BCP and response/recovery plans yearly and on major change (cyber, switchover); review them
T 11.6.b | Test the crisis communication plans
P 11.7 | Crisis management function with procedures for internal and external crisis communication
P 11.8 | Readily accessible records of activities before and during disruption events
P 11.9 | Central securities depositories give authorities the results of ICT continuity tests
P 11.10 | Report estimated aggregated annual costs and losses of major ICT incidents on request
A 12 | Backup policies and procedures, restoration and recovery procedures and methods
P 12.1 | Documented backup, restoration and recovery policies and procedures
T 12.1.a | Backup policies and procedures: scope of data and minimum frequency by criticality
T 12.1.b | Restoration and recovery procedures and methods
P 12.2 | Backup systems activated without jeopardising security; periodic testing of backup and recovery
P 12.3 | Restore on physically and logically segregated, protected systems (CCP and DRSP specifics)
P 12.4 | Redundant ICT capacities adequate to business needs
P 12.5 | CSDs keep a distant, capable and immediately accessible secondary processing site
P 12.6 | Recovery time and recovery point objectives per function, by criticality and market impact
P 12.7 | Integrity checks and reconciliations when recovering from ICT-related incidents
A 13 | Learning and evolving
P 13.1 | Capabilities and staff to gather threat, vulnerability and incident information and assess impact
P 13.2 | Post-incident reviews after major incidents: causes, effectiveness of response, improvements
P 13.3 | Incorporate lessons from tests, incidents and plan activations into ICT risk assessment
P 13.4 | Monitor strategy effectiveness; map ICT risk evolution and analyse incident trends
P 13.5 | Senior ICT staff report findings and recommendations to the management body at least yearly
P 13.6 | Compulsory ICT security awareness and resilience training for all staff and senior management
P 13.7 | Monitor technological developments and up-to-date ICT risk management practices
A 14 | Communication
P 14.1 | Crisis communication plans for responsible disclosure of major incidents or vulnerabilities
P 14.2 | Communication policies for internal staff and external stakeholders
P 14.3 | Person tasked with the incident communication strategy and the public and media function
A 16 | Simplified ICT risk management framework
P 16.1 | Simplified framework for small and exempted entities
T 16.1.a | Sound, documented ICT risk management framework, incl. protection of physical components
T 16.1.b | Continuously monitor the security and functioning of all ICT systems
T 16.1.c | Minimise ICT risk with sound, resilient and updated ICT systems protecting data
T 16.1.d | Promptly identify risk sources and anomalies; handle ICT-related incidents swiftly
T 16.1.e | Identify key dependencies on ICT third-party service providers
T 16.1.f | Continuity of critical functions via BCPs and response/recovery measures, incl. backup
T 16.1.g | Regularly test the plans and the effectiveness of implemented controls
T 16.1.h | Use test and post-incident lessons in risk assessment; awareness and training for staff
P 16.2 | Document and periodically review the simplified framework; improve; report on request
C III | ICT-related incident management, classification and reporting
A 17 | ICT-related incident management process
P 17.1 | Define, establish and implement an ICT incident management process to detect, manage and notify
P 17.2 | Record incidents and significant cyber threats; monitor and follow up; address root causes
P 17.3 | Required elements of the incident management process
T 17.3.a | Early warning indicators
T 17.3.b | Procedures to identify, track, log, categorise and classify incidents by priority and severity
T 17.3.c | Roles and responsibilities for different incident types and scenarios
T 17.3.d | Communication plans for staff, stakeholders, media and clients; internal escalation
T 17.3.e | Report major incidents to senior management and inform the management body
T 17.3.f | Incident response procedures to mitigate impacts and restore secure operation in time
A 18 | Classification of ICT-related incidents and cyber threats
P 18.1 | Classify incidents by clients, duration, spread, data losses, criticality and economic impact
P 18.2 | Classify cyber threats as significant by criticality, clients targeted and geographical spread
A 19 | Reporting of major ICT-related incidents and voluntary notification of significant cyber threats
P 19.1 | Report major ICT-related incidents to the competent authority using the prescribed templates
P 19.3 | Inform affected clients of major incidents and measures; of protective measures for threats
P 19.4 | Initial, intermediate and final reports to the competent authority
T 19.4.a | Initial notification of a major ICT-related incident
T 19.4.b | Intermediate report(s) on significant status changes or on request of the authority
T 19.4.c | Final report once root cause analysis is complete and actual impact figures are known
A 23 | Operational or security payment-related incidents (credit, payment, AIS and e-money institutions)
C IV | Digital operational resilience testing
A 24 | General requirements for the performance of digital operational resilience testing
P 24.1 | Sound, comprehensive digital operational resilience testing programme in the risk framework
P 24.2 | Programme includes a range of assessments, tests, methodologies, practices and tools
P 24.3 | Risk-based testing considering evolving ICT risk and criticality of assets and services
P 24.4 | Tests by independent internal or external parties; no conflicts of interest for internal testers
P 24.5 | Prioritise, classify and remedy issues found in tests; validate that gaps are fully addressed
P 24.6 | At least yearly, appropriate tests of all ICT systems and applications supporting CIFs
A 25 | Testing of ICT tools and systems
P 25.1 | Execute appropriate tests: vulnerability scans, network reviews, code review, penetration tests etc.
P 25.2 | CSDs and CCPs assess vulnerabilities before any (re)deployment supporting CIFs
P 25.3 | Microenterprises combine risk-based testing with strategic planning of ICT testing
A 26 | Advanced testing of ICT tools, systems and processes based on TLPT
P 26.1 | Threat-led penetration testing at least every 3 years (entities identified by authorities)
P 26.2 | TLPT covers critical functions on live production systems; scope validated by the authority
P 26.3 | Ensure participation of in-scope ICT third-party providers in TLPT; retain full responsibility
P 26.5 | Risk management controls limiting TLPT impact on data, assets and critical functions
P 26.6 | Give the authority the TLPT findings summary, remediation plans and conformity documentation
P 26.7 | Notify the authority of the TLPT attestation, findings summary and remediation plans
P 26.8 | Contract testers per Art. 27; external testers every third test (significant banks: always)
A 27 | Requirements for testers for the carrying out of TLPT
P 27.1 | TLPT testers: reputable, expert, certified or bound by codes, with assurance and indemnity cover
P 27.2 | Internal testers: authority approval, dedicated resources, no conflicts, external threat intel
P 27.3 | Tester contracts ensure sound management and secure processing of TLPT results and data
C V | Managing of ICT third-party risk (Section I, key principles)
A 28 | General principles
P 28.1 | Manage ICT third-party risk within the framework; remain fully responsible; proportionality
P 28.2 | Strategy and policy on ICT third-party risk; management body reviews risks of CIF arrangements
P 28.3 | Register of information on all ICT third-party arrangements; yearly reporting; notify authority
P 28.4 | Assessments before entering an ICT services arrangement
T 28.4.a | Assess whether the arrangement supports a critical or important function
T 28.4.b | Assess whether supervisory conditions for contracting are met
T 28.4.c | Identify and assess all relevant risks, incl. ICT concentration risk
T 28.4.d | Due diligence on prospective providers; ensure their suitability throughout selection
T 28.4.e | Identify and assess conflicts of interest caused by the arrangement
P 28.5 | Contract only providers that comply with appropriate information security standards
P 28.6 | Risk-based frequency and scope of audits of providers; auditors with adequate skills
P 28.7 | Termination rights for breaches, adverse changes, security weaknesses or impeded supervision
P 28.8 | Exit strategies for CIF services: documented, tested exit plans, transition and contingency
A 29 | Preliminary assessment of ICT concentration risk at entity level
P 29.1 | Assess concentration risk (non-substitutable or repeated providers); weigh alternatives
P 29.2 | Weigh subcontracting risks: third countries, insolvency, data recovery, long chains
A 30 | Key contractual provisions
P 30.1 | Rights and obligations set out in one written contract, incl. service level agreements
P 30.2 | Minimum content of every ICT services contract
T 30.2.a | Description of all functions and services; whether and how subcontracting is permitted
T 30.2.b | Locations of service provision and data processing; advance notice of changes
T 30.2.c | Provisions on availability, authenticity, integrity and confidentiality of data
T 30.2.d | Access, recovery and return of data on insolvency, resolution, discontinuation or termination
T 30.2.e | Service level descriptions, incl. updates and revisions
T 30.2.f | Provider assistance in ICT incidents at no or pre-determined cost
T 30.2.g | Provider cooperation with competent and resolution authorities
T 30.2.h | Termination rights and minimum notice periods
T 30.2.i | Conditions for provider participation in security awareness and resilience training
P 30.3 | Additional contract content for services supporting critical or important functions
T 30.3.a | Full service levels with precise quantitative and qualitative performance targets
T 30.3.b | Notice periods and provider reporting duties on developments affecting the service
T 30.3.c | Provider implements and tests contingency plans and keeps appropriate ICT security
T 30.3.d | Provider participates and fully cooperates in the entity's TLPT
T 30.3.e | Ongoing performance monitoring with unrestricted access, inspection and audit rights
T 30.3.f | Exit strategies with a mandatory adequate transition period
P 30.4 | Consider standard contractual clauses developed by public authorities
C VI | Information-sharing arrangements
A 45 | Information-sharing arrangements on cyber threat information and intelligence
P 45.1 | Share threat intelligence only in trusted communities, for resilience, under protective rules
P 45.2 | Sharing arrangements set participation conditions, authority/provider roles and platforms
P 45.3 | Notify competent authorities of joining or leaving information-sharing arrangements
"""

DORA_HEADER = """\
DORA: Regulation (EU) 2022/2554 on digital operational resilience for the financial sector
(OJ L 333, 27.12.2022, p. 1). Obligations of financial entities only.

Scope: Chapter II (Art. 5-16), Chapter III (Art. 17-23), Chapter IV (Art. 24-27),
Chapter V Section I (Art. 28-30) and Chapter VI Art. 45. Requirements are the leaves:
paragraphs without points, points, and Art. 23 (a single unnumbered paragraph).
Source: the Regulation as published in the Official Journal; the hierarchy and numbering were
cross-checked against CISO Assistant's DORA library (intuitem, library version 7, repository
commit f990d7b1). No text was copied from that library.
Titles: short ismc paraphrases (<= 100 characters) of the legal text. EU legislation may be
reused (Commission Decision 2011/833/EU); the Official Journal text is authoritative.

Structure decisions:
- Unnumbered subparagraphs are folded into the paragraph or point they elaborate, e.g. the
  severable-network rule into 9.4.b, change approval into 9.4.e, cyber-attack and switchover
  test scenarios and plan reviews into 11.6.a, the CCP and DRSP rules into 12.3, tester rules
  for significant credit institutions into 26.8, exit plans, transition plans and contingency
  measures into 28.8, and the sub-paragraphs of 13.2, 19.1, 19.3, 26.2, 28.3, 28.6, 29.1, 29.2.
- Lists of criteria or conditions that qualify one obligation are folded into their paragraph:
  5.2(i)(i)-(iii) into 5.2.i, 12.5(a)-(c), 13.2(a)-(d), 18.1(a)-(f), 27.1(a)-(e), 27.2(a)-(c),
  28.1(a)-(b), 28.7(a)-(d), 28.8(a)-(c), 29.1(a)-(b), 30.3(e)(i)-(iv) into 30.3.e,
  30.3(f)(i)-(ii) into 30.3.f, 45.1(a)-(c).
- Omitted (not obligations of financial entities, or permissive only):
  6(9) optional multi-vendor strategy; 6(10) optional outsourcing of compliance verification;
  11(11) ESA guidelines; Art. 15 (ESA RTS mandate); 16(3) ESA RTS mandate;
  18(3)-(4) ESA RTS mandate; 19(2) voluntary notification of cyber threats; 19(5) optional
  outsourcing of reporting; 19(6)-(8) duties of authorities; Art. 20 (ESA RTS/ITS mandate);
  Art. 21 (ESA report on an EU hub); Art. 22 (supervisory feedback); 26(4) optional pooled
  testing; 26(8) third subparagraph and 26(9)-(10) (authorities, Member States); 26(11) ESA RTS
  mandate; 28(9)-(10) ESA ITS/RTS mandates; 30(3) last subparagraph (microenterprise
  derogation); 30(5) ESA RTS mandate. Chapter V Section II (Art. 31-44, oversight of
  critical ICT third-party providers) is out of scope.

Generated by scripts/catalogs/gen_own.py; edit that script, not this file.
"""

ROMAN_CH = {"II", "III", "IV", "V", "VI"}


def dora_ref(kind, ident):
    if kind == "C":
        return "Chapter " + ident
    if kind == "A":
        return "Art. " + ident
    parts = ident.split(".")
    art = parts[0]
    if kind == "P":
        return f"Art. {art}({parts[1]})"
    # point
    if len(parts) == 2:          # 7.a
        return f"Art. {art}({parts[1]})"
    return f"Art. {art}({parts[1]})({parts[2]})"


def build_dora():
    nodes = []
    chapter = article = para = None
    for line in DORA.strip().split("\n"):
        head, title = line.split(" | ", 1)
        kind, ident = head.split(" ", 1)
        title = title.strip()
        if kind == "C":
            nodes.append(dict(id=ident, title=title, level="chapter", ref=dora_ref(kind, ident)))
            chapter, article, para = ident, None, None
        elif kind == "A":
            aid = "Art." + ident
            nodes.append(dict(id=aid, title=title, level="article", parent=chapter,
                              ref=dora_ref(kind, ident)))
            article, para = (aid, ident), None
        elif kind == "P":
            assert ident.split(".")[0] == article[1], ident
            nodes.append(dict(id=ident, title=title, level="paragraph", parent=article[0],
                              ref=dora_ref(kind, ident)))
            para = ident
        elif kind == "T":
            parts = ident.split(".")
            assert parts[0] == article[1], ident
            if len(parts) == 2:
                parent = article[0]
            else:
                parent = ".".join(parts[:2])
                assert parent == para, ident
            nodes.append(dict(id=ident, title=title, level="point", parent=parent,
                              ref=dora_ref(kind, ident)))
        else:
            raise SystemExit("bad line " + line)
    meta = dict(
        id="dora", aliases=["dora-2022"],
        title="DORA - Digital Operational Resilience Act, obligations of financial entities",
        version="2022/2554",
        publisher="European Union",
        source="Regulation (EU) 2022/2554, OJ L 333, 27.12.2022 (structure cross-checked with CISO Assistant DORA library v7)",
        licence="EU legislation, reuse authorised (Decision 2011/833/EU); titles are short ismc paraphrases.",
        kind="requirements", levels=["chapter", "article", "paragraph", "point"])
    return meta, nodes


# ---------------------------------------------------------------------------
# NIS2 catalog (Directive (EU) 2022/2555, Art. 20, 21, 23)
# ---------------------------------------------------------------------------
NIS2 = r"""
A 20 | Governance
P 20.1 | Management bodies approve and oversee cybersecurity risk measures and are accountable
P 20.2 | Management body members follow cybersecurity training; similar training offered to staff
A 21 | Cybersecurity risk-management measures
P 21.1 | Appropriate, proportionate technical, operational and organisational measures to manage risk
P 21.2 | All-hazards measures, including at least the following
T 21.2.a | Policies on risk analysis and information system security
T 21.2.b | Incident handling
T 21.2.c | Business continuity (backup management, disaster recovery) and crisis management
T 21.2.d | Supply chain security, incl. relations with direct suppliers and service providers
T 21.2.e | Security in acquisition, development and maintenance, incl. vulnerability handling/disclosure
T 21.2.f | Policies and procedures to assess the effectiveness of risk-management measures
T 21.2.g | Basic cyber hygiene practices and cybersecurity training
T 21.2.h | Policies and procedures on cryptography and, where appropriate, encryption
T 21.2.i | Human resources security, access control policies and asset management
T 21.2.j | MFA or continuous authentication; secured voice, video, text and emergency communications
P 21.3 | Consider supplier-specific vulnerabilities, product quality and secure development practices
P 21.4 | Take corrective measures without undue delay when non-compliance with 21(2) is found
A 23 | Reporting obligations
P 23.1 | Notify significant incidents to the CSIRT or authority without undue delay; inform recipients
P 23.2 | Tell recipients affected by a significant cyber threat about measures, remedies and the threat
P 23.3 | Incident is significant if it causes severe disruption, financial loss or considerable damage
P 23.4 | Notification stages for significant incidents
T 23.4.a | Early warning within 24 hours, flagging suspected malicious or cross-border impact
T 23.4.b | Incident notification within 72 hours with initial assessment, severity, impact and IoCs
T 23.4.c | Intermediate report on relevant status updates at the request of the CSIRT or authority
T 23.4.d | Final report within one month: description, root cause, mitigation, cross-border impact
T 23.4.e | Progress report if still ongoing; final report within one month of handling the incident
"""

NIS2_HEADER = """\
NIS2: Directive (EU) 2022/2555 on measures for a high common level of cybersecurity across the
Union (OJ L 333, 27.12.2022, p. 80). Articles 20 (governance), 21 (cybersecurity
risk-management measures) and 23 (reporting obligations).

The Directive addresses Member States ("Member States shall ensure that essential and important
entities ..."); the titles below state the resulting obligations of the entities.
Requirements are the leaves: paragraphs without points, and points.
Source: the Directive as published in the Official Journal. Titles: short ismc paraphrases
(<= 100 characters). EU legislation may be reused (Decision 2011/833/EU).

Structure decisions: 21(1) second subparagraph (state of the art, proportionality) is folded
into 21.1; the introductory all-hazards wording of 21(2) is the title of group 21.2; the second
subparagraph of 23(4) (trust service providers, 24 h) is folded into 23.4.a.
Omitted: 21(5) (Commission implementing acts; see the separate catalog nis2-ir for Implementing
Regulation (EU) 2024/2690), 23(1) last sentence (no increased liability), 23(5)-(11) (duties of
CSIRTs, authorities, ENISA and the Commission).

Generated by scripts/catalogs/gen_own.py; edit that script, not this file.
"""


def build_simple(text, prefix_art=True):
    nodes = []
    article = para = None
    for line in text.strip().split("\n"):
        head, title = line.split(" | ", 1)
        kind, ident = head.split(" ", 1)
        if kind == "A":
            aid = "Art." + ident
            nodes.append(dict(id=aid, title=title, level="article", ref="Art. " + ident))
            article = (aid, ident)
        elif kind == "P":
            nodes.append(dict(id=ident, title=title, level="paragraph", parent=article[0],
                              ref=dora_ref("P", ident)))
            para = ident
        elif kind == "T":
            parent = ".".join(ident.split(".")[:2])
            assert parent == para
            nodes.append(dict(id=ident, title=title, level="point", parent=parent,
                              ref=dora_ref("T", ident)))
    return nodes


def build_nis2():
    meta = dict(
        id="nis2", aliases=["nis2-directive"],
        title="NIS2 Directive - governance, risk-management measures and reporting (Art. 20, 21, 23)",
        version="2022/2555",
        publisher="European Union",
        source="Directive (EU) 2022/2555, OJ L 333, 27.12.2022, Articles 20, 21 and 23",
        licence="EU legislation, reuse authorised (Decision 2011/833/EU); titles are short ismc paraphrases.",
        kind="requirements", levels=["article", "paragraph", "point"])
    return meta, build_simple(NIS2)


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

Generated by scripts/catalogs/gen_own.py; edit that script, not this file.
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
# ISO/IEC 27001:2022 -> NIS2 crosswalk (ismc).  Lines:
#   target | source | rel | strength | rationale
# rel: eq equal, sup superset, sub subset, int intersects, none no-counterpart.
# Direction: source = ISO control, target = NIS2 requirement.
# (The DORA crosswalk lives in dora_crosswalk.py.)
# ---------------------------------------------------------------------------
REL = {"eq": "equal", "sup": "superset", "sub": "subset", "int": "intersects",
       "none": "no-counterpart"}

NIS2_X = r"""
20.1 | A.5.1 | int | 4 | management approval and oversight of risk measures (20.1): policies approved by management; accountability is ISMS clause 5.1
20.1 | A.5.4 | int | 4 | management oversight (20.1): management requires application of security
20.2 | A.6.3 | int | 6 | training of management body members and staff (20.2): awareness, education and training for all personnel
21.1 | A.5.1 | int | 4 | appropriate and proportionate measures (21.1): security policy; risk treatment is ISMS clause 6.1.3
21.2.a | A.5.1 | int | 7 | policies on risk analysis and information system security (21.2.a): security and topic-specific policies; risk analysis policy is ISMS clause 6.1
21.2.b | A.5.24 | sub | 7 | incident handling (21.2.b): incident management planning and preparation
21.2.b | A.5.25 | sub | 6 | incident handling (21.2.b): assessment of security events
21.2.b | A.5.26 | sub | 7 | incident handling (21.2.b): response to incidents
21.2.b | A.5.27 | sub | 6 | incident handling (21.2.b): learning from incidents
21.2.b | A.6.8 | sub | 5 | incident handling (21.2.b): event reporting
21.2.c | A.5.30 | sub | 7 | business continuity and disaster recovery (21.2.c): ICT readiness for business continuity
21.2.c | A.8.13 | sub | 7 | backup management (21.2.c): information backup
21.2.c | A.5.29 | sub | 6 | crisis management (21.2.c): security during disruption
21.2.c | A.8.14 | sub | 5 | disaster recovery (21.2.c): redundancy
21.2.d | A.5.19 | sub | 7 | supply chain security (21.2.d): security in supplier relationships
21.2.d | A.5.21 | sub | 7 | supply chain security (21.2.d): ICT supply chain
21.2.d | A.5.20 | sub | 6 | supply chain security (21.2.d): security in supplier agreements
21.2.d | A.5.22 | sub | 6 | supply chain security (21.2.d): monitoring of supplier services
21.2.d | A.5.23 | sub | 5 | supply chain security (21.2.d): cloud services
21.2.e | A.8.25 | sub | 6 | secure development (21.2.e): secure development life cycle
21.2.e | A.8.8 | sub | 6 | vulnerability handling (21.2.e): technical vulnerability management; coordinated disclosure is extra
21.2.e | A.8.29 | sub | 5 | security in development and acceptance (21.2.e): security testing
21.2.e | A.8.32 | sub | 5 | security in maintenance (21.2.e): change management
21.2.e | A.5.8 | sub | 4 | security in acquisition projects (21.2.e): security in project management
21.2.f | A.5.36 | sub | 6 | assessing effectiveness of measures (21.2.f): compliance with policies and standards; measurement is ISMS clause 9.1
21.2.f | A.5.35 | sub | 5 | assessing effectiveness of measures (21.2.f): independent review
21.2.g | A.6.3 | sub | 7 | cybersecurity training (21.2.g): awareness, education and training
21.2.g | A.5.10 | sub | 4 | cyber hygiene (21.2.g): acceptable use rules
21.2.h | A.8.24 | eq | 8 | cryptography and encryption policies (21.2.h): rules for effective use of cryptography incl. key management
21.2.i | A.5.15 | sub | 7 | access control policies (21.2.i): access control
21.2.i | A.5.9 | sub | 7 | asset management (21.2.i): inventory of assets
21.2.i | A.6.1 | sub | 6 | human resources security (21.2.i): screening
21.2.i | A.5.18 | sub | 6 | access control (21.2.i): access rights
21.2.i | A.6.2 | sub | 5 | human resources security (21.2.i): terms and conditions of employment
21.2.j | A.8.5 | int | 6 | MFA or continuous authentication (21.2.j): secure authentication; secured communications are extra
21.2.j | A.5.14 | int | 3 | secured voice, video and text communications (21.2.j): information transfer rules
21.3 | A.5.21 | int | 6 | supplier-specific vulnerabilities and product quality (21.3): ICT supply chain risk; EU coordinated assessments are extra
21.3 | A.5.19 | int | 5 | suppliers' security practices (21.3): supplier security requirements
21.3 | A.8.30 | int | 3 | suppliers' secure development procedures (21.3): outsourced development
21.4 | A.5.36 | int | 5 | corrective measures on non-compliance (21.4): compliance reviews with corrective action; corrective action is ISMS clause 10.2
23.1 | A.5.5 | int | 3 | notifying significant incidents to the CSIRT or authority (23.1): contact with authorities; NIS2 notification regime is extra
23.1 | A.5.26 | int | 3 | informing service recipients (23.1): communication to interested parties during response
23.2 | - | none | - | informing recipients of significant cyber threats and remedies (23.2): no ISO counterpart
23.3 | A.5.25 | int | 3 | significance of incidents (23.3): event assessment; NIS2 significance criteria are extra
23.4.a | - | none | - | early warning within 24 hours (23.4.a): regulatory reporting, no ISO counterpart
23.4.b | - | none | - | incident notification within 72 hours (23.4.b): regulatory reporting, no ISO counterpart
23.4.c | - | none | - | intermediate report on request (23.4.c): regulatory reporting, no ISO counterpart
23.4.d | - | none | - | final report within one month (23.4.d): regulatory reporting, no ISO counterpart
23.4.e | - | none | - | progress report for ongoing incidents (23.4.e): regulatory reporting, no ISO counterpart
"""


def parse_x(text):
    rows = []
    for line in text.strip().split("\n"):
        tgt, src, rel, st, why = [x.strip() for x in line.split(" | ", 4)]
        rows.append(dict(
            source=None if src == "-" else src,
            rel=REL[rel],
            target=tgt,
            strength=None if st == "-" else int(st),
            rationale=why))
    return rows


def order_rows(rows, nodes):
    """Rows in catalog order of their targets, then as written."""
    pos = {n["id"]: i for i, n in enumerate(nodes)}
    return sorted(rows, key=lambda r: pos[r["target"]])  # stable sort keeps written order


NIS2_X_HEADER = """\
ISO/IEC 27001:2022 Annex A -> NIS2 Directive (EU) 2022/2555, Art. 20, 21 and 23: ismc's own
typed crosswalk.

Provenance: ismc. Written from the text of the Directive and the Annex A control titles, with
ISO/IEC 27002:2022 as guidance on each control's scope. For the detailed technical measures of
Implementing Regulation (EU) 2024/2690 see the imported ENISA set iso27001-2022--nis2-ir.
Method, relation semantics (NIST IR 8477), strength rubric and limitations:
doc/mapping-method.md. Direction: source = ISO control, target = NIS2 requirement.
The broad Art. 21(2) measures are mostly served by several controls together; each such
control is a subset of the measure, so no single row gives full coverage except 21.2.h.
Licence: ismc's own analysis; ISO control identifiers only (no ISO text).

Generated by scripts/catalogs/gen_own.py; edit that script, not this file.
"""


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)
    print("wrote", os.path.relpath(path, ROOT))


def check_targets(rows, nodes, name):
    parents = {n.get("parent") for n in nodes}
    leaves = [n["id"] for n in nodes if n["id"] not in parents]
    ids = {n["id"] for n in nodes}
    for r in rows:
        if r["target"] not in ids:
            raise SystemExit(f"{name}: unknown target {r['target']}")
        if r["target"] not in leaves:
            raise SystemExit(f"{name}: target {r['target']} is not a requirement leaf")
    covered = {r["target"] for r in rows}
    missing = [l for l in leaves if l not in covered]
    if missing:
        raise SystemExit(f"{name}: leaves without rows: {missing}")
    seen = set()
    for r in rows:
        src = r["source"]
        key = (tuple(sorted(src)) if isinstance(src, list) else src, r["target"])
        if key in seen:
            raise SystemExit(f"{name}: duplicate pair {key}")
        seen.add(key)
        if r["rel"] == "no-counterpart" and sum(1 for x in rows if x["target"] == r["target"]) > 1:
            raise SystemExit(f"{name}: no-counterpart target {r['target']} also has other rows")


def main():
    meta, dnodes = build_dora()
    write(os.path.join(FW, "dora.yaml"), ismcyaml.catalog(DORA_HEADER, meta, dnodes))
    meta, nnodes = build_nis2()
    write(os.path.join(FW, "nis2.yaml"), ismcyaml.catalog(NIS2_HEADER, meta, nnodes))
    meta, snodes = build_soc2()
    write(os.path.join(FW, "soc2-tsc-2017.yaml"), ismcyaml.catalog(SOC2_HEADER, meta, snodes))

    drows = order_rows(dora_crosswalk.parse(), dnodes)
    check_targets(drows, dnodes, "dora")
    write(os.path.join(FW, "mappings", "iso27001-2022--dora.yaml"), ismcyaml.mapping(
        dora_crosswalk.HEADER, dora_crosswalk.META, drows))

    nrows = order_rows(parse_x(NIS2_X), nnodes)
    check_targets(nrows, nnodes, "nis2")
    write(os.path.join(FW, "mappings", "iso27001-2022--nis2.yaml"), ismcyaml.mapping(
        NIS2_X_HEADER,
        dict(id="iso27001-2022--nis2", source="iso27001-2022", target="nis2",
             title="ISO/IEC 27001:2022 Annex A to NIS2 Directive Art. 20, 21, 23",
             provenance="ismc",
             origin="ismc analysis of Directive (EU) 2022/2555 Art. 20, 21, 23 against ISO/IEC 27001:2022 Annex A (scope per ISO/IEC 27002:2022)",
             method="doc/mapping-method.md"),
        nrows))


if __name__ == "__main__":
    main()
