#!/usr/bin/env python3
"""Generate ismc's own framework catalogs and crosswalks.

Written for ismc. Reads nothing; all content below is ismc's own work:
short titles paraphrasing EU legislation (DORA, NIS2), short neutral titles
for the AICPA Trust Services Criteria (identifiers only from the AICPA), and
ismc's typed ISO/IEC 27001:2022 Annex A crosswalks to DORA and NIS2
(method: doc/mapping-method.md).

Writes (relative to the repository root):
  frameworks/dora.yaml
  frameworks/nis2.yaml
  frameworks/soc2-tsc-2017.yaml
  frameworks/mappings/iso27001-2022--dora.yaml
  frameworks/mappings/iso27001-2022--nis2.yaml

Usage: python3 scripts/catalogs/gen_own.py
Edit the tables in this script, not the generated YAML.
"""
import os
import sys
sys.dont_write_bytecode = True
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ismcyaml  # noqa: E402

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
# ISO/IEC 27001:2022 Annex A -> DORA crosswalk (ismc).  Lines:
#   target | source | rel | strength | rationale
# rel: eq equal, sup superset, sub subset, int intersects, none no-counterpart.
# Direction: source = ISO control, target = DORA requirement.
# "sub" = the ISO control is narrower than (lies inside) the DORA obligation.
# ---------------------------------------------------------------------------
REL = {"eq": "equal", "sup": "superset", "sub": "subset", "int": "intersects",
       "none": "no-counterpart"}

DORA_X = r"""
5.1 | A.5.1 | int | 5 | ICT governance and control framework (5.1): the policy sets direction; DORA requires a full internal control framework
5.1 | A.5.2 | int | 4 | ICT governance and control framework (5.1): defined security roles are one part of it
5.1 | A.5.36 | int | 3 | ICT governance and control framework (5.1): compliance checks are one control within it
5.2.a | A.5.4 | int | 4 | ultimate ICT-risk responsibility of the management body (5.2.a): A.5.4 covers management direction only; accountability is ISMS clause 5.1
5.2.b | A.5.1 | sup | 7 | policies for availability, authenticity, integrity, confidentiality of data (5.2.b): management-approved security policy set, plus communication and review
5.2.c | A.5.2 | sub | 6 | roles for all ICT functions (5.2.c): A.5.2 covers information security roles; DORA adds all ICT functions and coordination arrangements
5.2.c | A.5.3 | int | 3 | roles for ICT functions (5.2.c): segregation of conflicting duties supports the governance arrangements
5.2.d | A.5.1 | int | 3 | resilience strategy and ICT risk tolerance set by the management body (5.2.d): only the policy approval overlaps; tolerance is ISMS clause 6.1
5.2.e | A.5.30 | int | 4 | management approval and review of ICT continuity policy and plans (5.2.e): A.5.30 plans ICT readiness, not board approval
5.2.e | A.5.29 | int | 3 | management approval of continuity arrangements (5.2.e): security during disruption is planned, approval not required
5.2.f | A.5.35 | int | 4 | management approval of ICT audit plans (5.2.f): independent reviews exist; approval by the management body is not required
5.2.g | A.6.3 | int | 3 | budget for resilience, awareness and training (5.2.g): A.6.3 requires the training, not the budget allocation
5.2.h | A.5.19 | int | 6 | management approval and review of ICT third-party policy (5.2.h): supplier security policy and processes exist; board approval is DORA-specific
5.2.i | A.5.22 | int | 3 | reporting channels to the management body on ICT third parties (5.2.i): supplier monitoring and change management feed them
5.2.i | A.5.24 | int | 3 | reporting channels on major incidents (5.2.i): incident management defines internal reporting
5.3 | A.5.19 | int | 5 | role monitoring ICT third-party arrangements (5.3): supplier security process; a designated senior role is DORA-specific
5.3 | A.5.22 | int | 5 | monitoring of ICT third-party arrangements (5.3): regular monitoring and review of supplier services
5.4 | A.6.3 | int | 5 | ICT-risk knowledge and training of management body members (5.4): awareness and training for all personnel incl. management
6.1 | A.5.1 | int | 4 | documented ICT risk management framework (6.1): policies document the approach; the framework itself is ISMS clauses 4-10
6.2 | A.5.1 | sub | 6 | framework protecting all information and ICT assets (6.2): security policies are one required element
6.2 | A.5.37 | sub | 4 | framework procedures and protocols (6.2): documented operating procedures are one required element
6.2 | A.7.1 | sub | 4 | protection of premises, data centres and sensitive areas (6.2): physical security perimeters
6.2 | A.7.5 | sub | 4 | protection of premises and data centres from damage (6.2): protection against physical and environmental threats
6.3 | A.5.5 | int | 3 | ICT risk information to authorities on request (6.3): contact with authorities is maintained; on-request reporting is DORA-specific
6.4 | A.5.3 | int | 5 | independent ICT risk control function and three lines of defence (6.4): segregation of conflicting duties
6.4 | A.5.2 | int | 4 | ICT risk control function (6.4): security roles defined and allocated
6.5 | A.5.1 | int | 5 | yearly and post-incident review of the framework (6.5): policies reviewed at planned intervals and on significant change
6.5 | A.5.27 | int | 3 | continuous improvement from lessons (6.5): knowledge from incidents strengthens controls
6.6 | A.5.35 | int | 6 | internal audit of the framework (6.6): independent review at planned intervals; DORA requires internal audit with ICT expertise
6.7 | A.5.35 | int | 4 | follow-up of audit findings (6.7): review results lead to corrective action
6.7 | A.5.36 | int | 4 | remediation of critical audit findings (6.7): non-compliance is reviewed and corrected
6.8.a | A.5.1 | int | 3 | strategy aligned to business strategy (6.8.a): policy appropriate to the organisation's purpose
6.8.b | A.5.30 | int | 3 | ICT risk and impact tolerance (6.8.b): BIA-based ICT readiness touches impact tolerance; risk tolerance is ISMS clause 6.1
6.8.c | A.5.1 | int | 4 | information security objectives with KPIs (6.8.c): policy gives objectives or their framework; KPIs are ISMS clause 6.2
6.8.d | A.8.27 | int | 4 | ICT reference architecture in the strategy (6.8.d): secure architecture and engineering principles
6.8.e | A.8.16 | int | 4 | detection and protection mechanisms in the strategy (6.8.e): monitoring activities
6.8.e | A.5.24 | int | 3 | incident prevention and protection in the strategy (6.8.e): incident management planning
6.8.f | A.5.27 | int | 3 | resilience status evidenced by incidents and preventive measures (6.8.f): learning from incidents
6.8.g | A.5.30 | int | 3 | resilience testing in the strategy (6.8.g): ICT readiness is tested; Chapter IV testing is wider
6.8.g | A.8.8 | int | 3 | resilience testing in the strategy (6.8.g): vulnerability identification and scanning
6.8.h | A.5.24 | int | 4 | incident communication strategy (6.8.h): incident management planning includes communication
7.a | A.8.6 | int | 4 | ICT systems appropriate to the magnitude of operations (7.a): capacity adjusted to requirements
7.b | A.7.13 | int | 3 | reliable ICT systems (7.b): equipment maintained for availability and integrity
7.b | A.8.14 | int | 3 | reliable ICT systems (7.b): redundancy meets availability requirements
7.c | A.8.6 | sup | 8 | sufficient capacity incl. peak volumes (7.c): resource use monitored and adjusted to current and expected capacity needs
7.d | A.8.14 | int | 6 | technological resilience under stress (7.d): redundancy of processing facilities
7.d | A.8.6 | int | 5 | resilience to additional processing needs (7.d): capacity planning for expected demand
7.d | A.5.30 | int | 4 | resilience in adverse situations (7.d): ICT readiness for business continuity
8.1 | A.5.9 | int | 6 | identification and documentation of functions, roles, assets and dependencies (8.1): asset inventory with owners
8.1 | A.5.12 | int | 5 | classification of functions and assets (8.1): information classified by security needs
8.2 | A.5.7 | sub | 6 | continuous assessment of cyber threats (8.2): threat intelligence collected and analysed
8.2 | A.8.8 | int | 5 | assessment of ICT vulnerabilities (8.2): technical vulnerabilities identified and evaluated; risk scenarios are ISMS clause 8.2
8.3 | A.8.32 | int | 4 | risk assessment on each major change (8.3): change management assesses impact; full risk assessment is ISMS clause 8.2
8.4 | A.5.9 | int | 7 | identification of all information and ICT assets (8.4): inventory of information and associated assets
8.4 | A.8.9 | int | 5 | mapping of asset configurations (8.4): configurations documented and managed
8.5 | A.5.19 | int | 4 | processes dependent on ICT third parties (8.5): supplier relationships and their risks identified
8.5 | A.5.9 | int | 3 | interconnections with third-party providers (8.5): inventory can record them
8.6 | A.5.9 | int | 7 | inventories maintained and updated (8.6): asset inventory kept accurate and up to date; DORA adds update on major change
8.7 | - | none | - | yearly risk assessment of legacy ICT systems (8.7): no Annex A control; only ISMS clause 8.2 risk assessments
9.1 | A.8.16 | int | 7 | continuous monitoring of security and functioning of ICT systems (9.1): monitoring for anomalous behaviour
9.1 | A.8.15 | int | 4 | monitoring and control of ICT systems (9.1): logging of activities
9.1 | A.8.7 | int | 4 | deployment of ICT security tools (9.1): protection against malware
9.2 | A.5.1 | sub | 5 | ICT security policies and procedures (9.2): security policies are part of them
9.2 | A.5.30 | int | 4 | continuity and availability of ICT systems (9.2): ICT readiness for business continuity
9.2 | A.8.24 | sub | 4 | data security at rest and in transit (9.2): use of cryptography
9.3.a | A.5.14 | sup | 8 | security of the means of data transfer (9.3.a): rules, procedures and agreements for all transfer facilities
9.3.a | A.8.21 | int | 5 | security of the means of data transfer (9.3.a): security of network services
9.3.b | A.8.13 | sub | 5 | minimise data corruption or loss (9.3.b): information backup
9.3.b | A.5.15 | sub | 5 | minimise unauthorised access (9.3.b): access control rules
9.3.b | A.8.8 | sub | 4 | minimise technical flaws (9.3.b): technical vulnerability management
9.3.b | A.8.2 | sub | 4 | minimise unauthorised access (9.3.b): privileged access rights
9.3.c | A.8.24 | sub | 5 | prevent breaches of confidentiality and authenticity (9.3.c): cryptography
9.3.c | A.8.13 | sub | 5 | prevent loss of data and availability (9.3.c): backup
9.3.c | A.8.12 | sub | 4 | prevent confidentiality breaches (9.3.c): data leakage prevention
9.3.d | A.5.37 | int | 5 | data-management risks, poor administration, human error (9.3.d): documented operating procedures
9.3.d | A.6.3 | int | 3 | human error in data management (9.3.d): awareness and training
9.4.a | A.5.1 | sup | 8 | documented information security policy (9.4.a): policy and topic-specific policies, plus communication and review
9.4.b | A.8.20 | int | 7 | network and infrastructure management (9.4.b): networks secured, managed and controlled
9.4.b | A.8.22 | int | 6 | instant severing or segmentation of network connections (9.4.b): segregation of networks; instant isolation is DORA-specific
9.4.c | A.5.15 | eq | 8 | access limited to legitimate need with sound access rights administration (9.4.c): physical and logical access control rules
9.4.c | A.5.18 | sub | 7 | administration of access rights (9.4.c): provisioning, review, change and removal of access rights
9.4.c | A.8.3 | sub | 5 | logical access limited to need (9.4.c): information access restriction
9.4.c | A.7.2 | sub | 4 | physical access limited to need (9.4.c): physical entry controls
9.4.c | A.8.2 | sub | 5 | access limited to legitimate need (9.4.c): privileged access rights restricted and managed
9.4.c | A.5.16 | sub | 4 | sound administration of access (9.4.c): identity life cycle management
9.4.d | A.8.5 | sub | 7 | strong authentication (9.4.d): secure authentication technologies and procedures
9.4.d | A.8.24 | sub | 7 | key protection and encryption by classification and risk (9.4.d): cryptography incl. key management
9.4.d | A.5.17 | sub | 4 | strong authentication (9.4.d): management of authentication information
9.4.e | A.8.32 | eq | 8 | risk-based, documented ICT change management (9.4.e): changes subject to change management procedures
9.4.e | A.8.19 | int | 4 | controlled changes to software (9.4.e): installation of software on operational systems
9.4.f | A.8.8 | int | 7 | patch and update policies (9.4.f): timely security patching; non-security updates are outside A.8.8
9.4.f | A.8.19 | int | 4 | patch and update policies (9.4.f): controlled installation of software updates
10.1 | A.8.16 | int | 7 | prompt detection of anomalous activities (10.1): monitoring for anomalous behaviour
10.1 | A.8.14 | int | 3 | single points of failure (10.1): redundancy analysis identifies them
10.2 | A.8.16 | int | 7 | alert thresholds and automatic alerts (10.2): monitoring baselines and alerting
10.2 | A.8.15 | int | 4 | multiple layers of detection (10.2): logging
10.3 | A.8.16 | int | 6 | monitoring of user activity and anomalies (10.3): monitoring activities; resourcing is ISMS clause 7.1
10.3 | A.8.15 | int | 5 | monitoring of user activity (10.3): logs of user activities
10.4 | - | none | - | trade-report completeness checks by data reporting service providers (10.4): sector-specific, no ISO counterpart
11.1 | A.5.30 | int | 6 | ICT business continuity policy (11.1): ICT readiness planned from business continuity objectives
11.1 | A.5.29 | int | 5 | ICT business continuity policy (11.1): security maintained during disruption
11.2.a | A.5.30 | int | 6 | continuity of critical or important functions (11.2.a): ICT readiness for business continuity
11.2.a | A.8.14 | int | 4 | continuity of critical functions (11.2.a): redundancy
11.2.b | A.5.26 | int | 7 | quick response to and resolution of incidents (11.2.b): response per documented procedures
11.2.c | A.5.26 | int | 6 | containment and tailored response and recovery (11.2.c): incident response incl. containment
11.2.c | A.5.30 | int | 4 | recovery procedures (11.2.c): ICT recovery plans
11.2.d | A.5.25 | int | 4 | estimate of impacts, damages and losses (11.2.d): assessment of security events
11.2.e | A.5.24 | int | 4 | crisis communication actions (11.2.e): incident management defines communication
11.2.e | A.5.5 | int | 4 | reporting to competent authorities (11.2.e): contact with authorities
11.3 | A.5.30 | int | 6 | ICT response and recovery plans (11.3): ICT readiness and recovery plans; independent audit review is DORA-specific
11.3 | A.5.35 | int | 3 | independent audit review of the plans (11.3): independent review of information security
11.4 | A.5.30 | eq | 7 | maintained and periodically tested ICT continuity plans (11.4): ICT readiness planned, implemented, maintained and tested
11.4 | A.5.29 | int | 4 | continuity plans (11.4): security during disruption
11.5 | A.5.30 | int | 6 | business impact analysis (11.5): ICT continuity requirements derived from a BIA
11.5 | A.8.14 | int | 5 | redundancy of critical components (11.5): redundancy of processing facilities
11.6.a | A.5.30 | int | 6 | yearly testing of continuity and recovery plans (11.6.a): ICT readiness tested; cyber and switchover scenarios are DORA-specific
11.6.a | A.8.14 | int | 3 | switchover to redundant capacity (11.6.a): redundant components tested for failover
11.6.b | A.5.30 | int | 3 | testing of crisis communication plans (11.6.b): continuity exercises may include communication
11.7 | A.5.29 | int | 3 | crisis management function (11.7): security during disruption; crisis management is not an Annex A control
11.7 | A.5.24 | int | 3 | crisis communication procedures (11.7): incident communication procedures
11.8 | A.8.15 | int | 4 | records of activities during disruption (11.8): logging of activities
11.8 | A.5.33 | int | 3 | accessible records (11.8): protection of records
11.9 | - | none | - | continuity test results to authorities, CSDs (11.9): supervisory reporting, no ISO counterpart
11.10 | - | none | - | aggregated annual incident costs and losses to authorities (11.10): supervisory reporting, no ISO counterpart
12.1.a | A.8.13 | sup | 8 | backup policy with scope and frequency by criticality (12.1.a): backups per topic-specific backup policy, also tested
12.1.b | A.8.13 | int | 6 | restoration and recovery procedures (12.1.b): restoration from backups
12.1.b | A.5.30 | int | 5 | recovery procedures and methods (12.1.b): ICT recovery plans
12.2 | A.8.13 | int | 7 | backup systems and periodic restore testing (12.2): backups regularly tested
12.2 | A.8.14 | int | 4 | activation of backup systems (12.2): redundant facilities
12.3 | A.8.13 | int | 4 | restore on segregated, protected systems (12.3): protected backups; segregated restore systems are DORA-specific
12.3 | A.8.31 | int | 3 | segregated restore environment (12.3): separation of environments
12.4 | A.8.14 | eq | 8 | redundant ICT capacities (12.4): redundancy sufficient to meet availability requirements
12.5 | A.8.14 | int | 5 | secondary processing site for CSDs (12.5): redundant facilities; distance and staffing are DORA-specific
12.5 | A.5.30 | int | 4 | secondary site capable of continuity (12.5): ICT readiness
12.6 | A.5.30 | int | 6 | RTO and RPO per function (12.6): recovery objectives from the BIA; market-impact criterion is DORA-specific
12.7 | A.8.13 | int | 3 | integrity checks and reconciliations on recovery (12.7): restored backups checked
13.1 | A.5.7 | int | 7 | gathering threat and vulnerability information (13.1): threat intelligence
13.1 | A.8.8 | int | 5 | gathering vulnerability information (13.1): information on technical vulnerabilities obtained
13.1 | A.5.6 | int | 3 | gathering threat information (13.1): special interest groups
13.2 | A.5.27 | int | 7 | post-incident reviews of major incidents (13.2): knowledge from incidents used to strengthen controls
13.3 | A.5.27 | int | 5 | lessons fed into ICT risk assessment (13.3): learning from incidents; feeding risk assessment is ISMS clause 10
13.4 | A.5.27 | int | 4 | analysis of incident trends (13.4): incident types, volumes and costs monitored
13.5 | - | none | - | yearly report of senior ICT staff to the management body (13.5): ISMS clause 9.3 management review, not an Annex A control
13.6 | A.6.3 | sub | 8 | compulsory awareness and training for all staff (13.6): security awareness and training incl. interested parties; resilience training is extra
13.7 | A.5.6 | int | 4 | monitoring technology and practice developments (13.7): special interest groups
13.7 | A.5.7 | int | 4 | keeping up with new forms of cyber-attack (13.7): threat intelligence
14.1 | A.5.24 | int | 4 | crisis communication plans for disclosure (14.1): incident communication procedures
14.1 | A.5.26 | int | 3 | disclosure to clients and public (14.1): communication to interested parties during response
14.2 | A.5.24 | int | 3 | internal and external communication policies (14.2): incident communication; general communication is ISMS clause 7.4
14.3 | A.5.24 | int | 3 | person for incident communication and media (14.3): incident management roles
16.1.a | A.5.1 | sub | 5 | documented simplified ICT risk framework (16.1.a): security policies
16.1.a | A.7.1 | sub | 4 | protection of physical components (16.1.a): physical security perimeters
16.1.b | A.8.16 | int | 7 | continuous monitoring of ICT systems (16.1.b): monitoring activities
16.1.c | A.8.8 | sub | 5 | updated ICT systems (16.1.c): technical vulnerability management
16.1.c | A.8.14 | sub | 4 | resilient ICT systems (16.1.c): redundancy
16.1.d | A.8.16 | int | 6 | prompt detection of anomalies (16.1.d): monitoring activities
16.1.d | A.5.26 | int | 5 | swift incident handling (16.1.d): response to incidents
16.1.e | A.5.19 | int | 5 | key dependencies on ICT providers (16.1.e): supplier relationships identified
16.1.f | A.5.30 | int | 6 | continuity of critical functions (16.1.f): ICT readiness for business continuity
16.1.f | A.8.13 | sub | 6 | backup and restoration measures (16.1.f): information backup
16.1.g | A.5.30 | int | 5 | testing of continuity plans (16.1.g): ICT readiness tested
16.1.g | A.5.36 | int | 4 | testing control effectiveness (16.1.g): compliance with policies and standards reviewed
16.1.h | A.6.3 | sub | 6 | awareness and training (16.1.h): security awareness, education and training
16.1.h | A.5.27 | sub | 5 | lessons from incidents into risk assessment (16.1.h): learning from incidents
16.2 | A.5.1 | int | 5 | periodic review of the simplified framework (16.2): policies reviewed at planned intervals
17.1 | A.5.24 | sub | 7 | ICT incident management process (17.1): incident management planning and preparation; notification is extra
17.1 | A.5.26 | sub | 6 | managing incidents (17.1): response to incidents
17.1 | A.5.25 | sub | 5 | detecting incidents (17.1): assessment of security events
17.1 | A.6.8 | sub | 5 | detecting incidents (17.1): event reporting by personnel
17.2 | A.5.27 | int | 6 | root causes addressed (17.2): learning from incidents
17.2 | A.5.26 | int | 5 | handling and follow-up of incidents (17.2): incident response
17.2 | A.5.7 | int | 3 | recording significant cyber threats (17.2): threat intelligence
17.3.a | A.8.16 | int | 5 | early warning indicators (17.3.a): monitoring with alerting
17.3.a | A.5.7 | int | 4 | early warning indicators (17.3.a): threat intelligence
17.3.b | A.5.25 | sub | 7 | identify, log, categorise and classify incidents (17.3.b): event assessment and categorisation; DORA criteria are extra
17.3.b | A.5.24 | int | 5 | incident tracking procedures (17.3.b): incident management procedures
17.3.c | A.5.24 | sup | 7 | roles for incident types and scenarios (17.3.c): incident management roles and responsibilities defined and communicated
17.3.d | A.5.24 | int | 5 | communication and escalation plans (17.3.d): incident communication procedures
17.3.d | A.5.26 | int | 4 | escalation and information to clients and counterparts (17.3.d): escalation during response
17.3.e | A.5.24 | int | 4 | reporting major incidents to senior management and board (17.3.e): internal incident reporting
17.3.f | A.5.26 | sup | 7 | response procedures to mitigate and restore (17.3.f): documented response procedures incl. containment and recovery
17.3.f | A.5.24 | int | 5 | response procedures (17.3.f): incident management planning
18.1 | A.5.25 | int | 3 | classification of incidents by DORA impact criteria (18.1): generic event categorisation only; regulatory criteria and thresholds have no ISO counterpart
18.2 | - | none | - | classification of significant cyber threats (18.2): DORA criteria, no ISO counterpart
19.1 | A.5.5 | int | 3 | reporting major incidents to the authority (19.1): contact with authorities for incident reporting; templates and content are DORA-specific
19.3 | A.5.26 | int | 3 | informing affected clients (19.3): communication to interested parties during response
19.4.a | - | none | - | initial notification to the authority within deadlines (19.4.a): regulatory reporting, no ISO counterpart
19.4.b | - | none | - | intermediate reports to the authority (19.4.b): regulatory reporting, no ISO counterpart
19.4.c | - | none | - | final report to the authority (19.4.c): regulatory reporting, no ISO counterpart
Art.23 | A.5.24 | int | 2 | Chapter III regime for payment-related incidents (Art. 23): incident management applies; the classification and reporting regime does not
24.1 | A.8.8 | int | 4 | resilience testing programme (24.1): vulnerability identification and testing
24.1 | A.8.29 | int | 3 | resilience testing programme (24.1): security testing in development and acceptance
24.1 | A.5.30 | int | 3 | resilience testing programme (24.1): ICT readiness testing
24.2 | A.8.8 | int | 4 | range of tests and tools (24.2): vulnerability scanning and assessment
24.2 | A.8.29 | int | 3 | range of tests (24.2): security testing
24.3 | A.8.8 | int | 3 | risk-based testing (24.3): risk-based vulnerability evaluation
24.4 | A.5.35 | int | 3 | independent testers (24.4): independence of reviewers
24.5 | A.8.8 | int | 5 | remediation of test findings (24.5): exposure evaluated and measures taken; validation of closure is DORA-specific
24.5 | A.8.29 | int | 3 | remediation of test findings (24.5): defects found in security testing are fixed
24.6 | A.8.8 | int | 4 | yearly tests of systems supporting CIFs (24.6): regular vulnerability identification
25.1 | A.8.8 | int | 6 | vulnerability assessments, scans and penetration tests (25.1): technical vulnerability management
25.1 | A.8.29 | sub | 5 | code reviews, compatibility, performance and end-to-end tests (25.1): security testing in development
25.2 | A.8.29 | int | 6 | vulnerability assessment before deployment (25.2): security testing at acceptance
25.2 | A.8.8 | int | 5 | vulnerability assessment before deployment (25.2): vulnerability evaluation
25.3 | A.8.8 | int | 3 | risk-based testing for microenterprises (25.3): vulnerability management
26.1 | - | none | - | threat-led penetration testing every 3 years (26.1): no ISO counterpart
26.2 | - | none | - | TLPT scope on live production systems (26.2): no ISO counterpart
26.3 | - | none | - | ICT providers participating in TLPT (26.3): no ISO counterpart
26.5 | A.8.34 | int | 5 | risk controls during TLPT (26.5): protection of information systems during audit testing
26.6 | - | none | - | TLPT results to the authority (26.6): supervisory reporting, no ISO counterpart
26.7 | - | none | - | TLPT attestation notified to the authority (26.7): supervisory process, no ISO counterpart
26.8 | - | none | - | TLPT tester contracting and rotation (26.8): no ISO counterpart
27.1 | - | none | - | qualifications of TLPT testers (27.1): no ISO counterpart
27.2 | - | none | - | conditions for internal TLPT testers (27.2): no ISO counterpart
27.3 | A.5.20 | int | 3 | secure handling of TLPT results in tester contracts (27.3): security requirements in supplier agreements
28.1 | A.5.19 | int | 6 | ICT third-party risk within the framework (28.1): supplier security risk process
28.1 | A.5.21 | int | 4 | ICT third-party risk (28.1): ICT supply chain security
28.2 | A.5.19 | int | 5 | ICT third-party risk strategy and policy (28.2): supplier relationship policy; strategy and board review are DORA-specific
28.2 | A.5.23 | int | 3 | policy for ICT services (28.2): cloud service policy
28.3 | - | none | - | register of information on ICT third-party arrangements and its reporting (28.3): no ISO counterpart
28.4.a | A.5.19 | int | 3 | criticality of the arrangement (28.4.a): suppliers assessed by criticality
28.4.b | A.5.31 | int | 3 | supervisory conditions for contracting (28.4.b): legal and regulatory requirements identified
28.4.c | A.5.19 | int | 5 | risk assessment before contracting (28.4.c): supplier risks assessed; concentration risk is DORA-specific
28.4.c | A.5.21 | int | 4 | risk assessment before contracting (28.4.c): ICT supply chain risks
28.4.d | A.5.19 | int | 6 | due diligence on prospective providers (28.4.d): supplier evaluation and selection; non-security due diligence is extra
28.4.e | - | none | - | conflicts of interest of an ICT arrangement (28.4.e): no ISO counterpart
28.5 | A.5.19 | int | 6 | providers meeting security standards (28.5): supplier security requirements
28.5 | A.5.20 | int | 5 | providers meeting security standards (28.5): security requirements agreed in contracts
28.6 | A.5.22 | int | 5 | risk-based audits of providers (28.6): monitoring, review and audit of supplier services
28.6 | A.5.20 | int | 3 | audit rights (28.6): right to audit in supplier agreements
28.7 | A.5.20 | int | 3 | termination rights (28.7): supplier agreements; the DORA termination grounds are not an ISO requirement
28.8 | A.5.23 | int | 4 | exit strategies (28.8): exit strategy for cloud services
28.8 | A.5.20 | int | 3 | exit and transition (28.8): handover and return of information at contract end
29.1 | - | none | - | ICT concentration risk (29.1): no ISO counterpart
29.2 | A.5.21 | int | 4 | subcontracting chains (29.2): requirements propagated through the ICT supply chain; insolvency and third-country law are DORA-specific
30.1 | A.5.20 | int | 5 | written contract with SLAs (30.1): documented supplier agreements with security requirements
30.2.a | A.5.20 | int | 5 | description of services and subcontracting terms (30.2.a): supplier agreements
30.2.a | A.5.21 | int | 4 | subcontracting conditions (30.2.a): requirements for sub-suppliers
30.2.b | A.5.20 | int | 3 | locations of services and data (30.2.b): supplier agreements; location clauses are DORA-specific
30.2.b | A.5.23 | int | 3 | data location (30.2.b): cloud service agreements
30.2.c | A.5.20 | sup | 7 | data availability, authenticity, integrity and confidentiality clauses (30.2.c): security requirements agreed with each supplier
30.2.c | A.5.34 | int | 3 | personal data protection in contracts (30.2.c): privacy and protection of PII
30.2.d | A.5.20 | int | 4 | data access, recovery and return (30.2.d): return of information at contract end
30.2.d | A.5.23 | int | 4 | data return on exit (30.2.d): cloud exit provisions
30.2.e | A.5.20 | int | 4 | service level descriptions (30.2.e): supplier agreements
30.2.e | A.5.22 | int | 3 | service levels (30.2.e): monitoring of supplier services
30.2.f | A.5.20 | int | 3 | provider incident assistance (30.2.f): incident handling in supplier agreements; cost terms are DORA-specific
30.2.g | - | none | - | provider cooperation with financial authorities (30.2.g): no ISO counterpart
30.2.h | A.5.20 | int | 3 | termination rights and notice periods (30.2.h): supplier agreements
30.2.i | A.5.20 | int | 4 | provider participation in training (30.2.i): awareness and training requirements in supplier agreements
30.2.i | A.6.3 | int | 3 | provider participation in training (30.2.i): training of relevant interested parties
30.3.a | A.5.22 | int | 4 | performance targets and monitoring (30.3.a): monitoring of supplier service delivery
30.3.a | A.5.20 | int | 4 | full service levels (30.3.a): supplier agreements
30.3.b | A.5.22 | int | 4 | provider reporting on material developments (30.3.b): supplier change management
30.3.b | A.5.20 | int | 3 | notice periods and reporting duties (30.3.b): supplier agreements
30.3.c | A.5.20 | int | 6 | provider security measures and tested contingency plans (30.3.c): security requirements in supplier agreements
30.3.c | A.5.30 | int | 3 | provider contingency plans (30.3.c): ICT readiness
30.3.d | - | none | - | provider participation in TLPT (30.3.d): no ISO counterpart
30.3.e | A.5.20 | int | 5 | access, inspection and audit rights (30.3.e): right to audit in supplier agreements
30.3.e | A.5.22 | int | 5 | ongoing monitoring of provider performance (30.3.e): monitoring and review of supplier services
30.3.f | A.5.23 | int | 3 | exit with transition period (30.3.f): cloud exit strategy
30.3.f | A.5.20 | int | 3 | exit with transition period (30.3.f): handover at contract end
30.4 | - | none | - | standard contractual clauses of public authorities (30.4): no ISO counterpart
45.1 | A.5.6 | int | 5 | threat intelligence sharing in trusted communities (45.1): contact with special interest groups
45.1 | A.5.7 | int | 4 | threat intelligence sharing (45.1): threat intelligence
45.1 | A.5.14 | int | 3 | protection of shared information (45.1): information transfer rules
45.2 | A.5.6 | int | 3 | sharing arrangement conditions (45.2): special interest groups
45.3 | - | none | - | notification of participation in sharing arrangements (45.3): no ISO counterpart
"""

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


DORA_X_HEADER = """\
ISO/IEC 27001:2022 Annex A -> DORA (Regulation (EU) 2022/2554): ismc's own typed crosswalk.

Provenance: ismc. Written from the text of DORA and the Annex A control titles with
ISO/IEC 27002:2022 as guidance on each control's scope. No third-party mapping was used
(none exists in CISO Assistant for DORA <-> ISO). Method, relation semantics (NIST IR 8477),
strength rubric and limitations: doc/mapping-method.md.
Direction: source = ISO control, target = DORA requirement. "A.5.24 subset 17.1" means the
control lies inside the DORA obligation (the control is narrower). equal and superset mean the
control on its own covers the whole obligation; subset and intersects mean partial coverage.
Every DORA requirement leaf has at least one row; rows with source null (no-counterpart) mark
obligations with no Annex A counterpart (register of information, regulatory incident reports,
TLPT, concentration risk and similar). ISMS clauses 4-10 are not in the ISO catalog, so
obligations met by them (risk assessment, management review, internal audit) are mapped only
to their nearest Annex A controls, with low strength, or marked no-counterpart.
Licence: ismc's own analysis; ISO control identifiers only (no ISO text).

Generated by scripts/catalogs/gen_own.py; edit that script, not this file.
"""

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
        key = (r["source"], r["target"])
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

    drows = order_rows(parse_x(DORA_X), dnodes)
    check_targets(drows, dnodes, "dora")
    write(os.path.join(FW, "mappings", "iso27001-2022--dora.yaml"), ismcyaml.mapping(
        DORA_X_HEADER,
        dict(id="iso27001-2022--dora", source="iso27001-2022", target="dora",
             title="ISO/IEC 27001:2022 Annex A to DORA (Regulation (EU) 2022/2554)",
             provenance="ismc",
             origin="ismc analysis of Regulation (EU) 2022/2554 against ISO/IEC 27001:2022 Annex A (scope per ISO/IEC 27002:2022)",
             method="doc/mapping-method.md"),
        drows))

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
