#!/usr/bin/env python3
"""Generate the NIS2 Implementing Regulation catalog and the two imported mapping sets.

Written for ismc. Reads only the reference CSVs extracted from CISO Assistant
(../shared/reference/ciso-assistant/csv relative to the repository root, or the
directory given as the first argument) and writes only under frameworks/:

  frameworks/nis2-ir-2024-2690.yaml
      Implementing Regulation (EU) 2024/2690, Annex: identifiers and hierarchy
      as in CISO Assistant's annex library; titles are ismc's short paraphrases
      (TITLES below) or, for short points, the regulation's own wording.
  frameworks/mappings/iso27001-2022--nis2-ir.yaml
      ENISA correspondence table (ISO -> NIS2 IR) as carried by CISO Assistant,
      as published (Annex A and clause rows; exact duplicates written once).
  frameworks/mappings/iso27001-2022--soc2.yaml
      intuitem's SOC 2 <-> ISO mapping (ISO -> SOC 2), lifted from points of
      focus to criteria (Annex A and clause rows).

Usage: python3 scripts/catalogs/gen_imported.py [reference-csv-dir]
"""
import collections
import csv
import os
import re
import sys
sys.dont_write_bytecode = True  # it imports gen_soc2 and ismcyaml; keep the tree clean

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ismcyaml  # noqa: E402
import xwalk  # noqa: E402
import gen_soc2  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FW = os.path.join(ROOT, "frameworks")
REF = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    os.path.dirname(ROOT), "shared", "reference", "ciso-assistant", "csv")
CA_COMMIT = "f990d7b1b9a9f56e391acbc247c9076262a11412"

# Section titles (the regulation's headings, shortened) and ismc paraphrases for every
# point whose text is longer than 100 characters or which introduces a list.
TITLES = {
    "1": "Policy on the security of network and information systems (Art. 21(2)(a))",
    "2": "Risk management policy (Art. 21(2)(a))",
    "3": "Incident handling (Art. 21(2)(b))",
    "4": "Business continuity and crisis management (Art. 21(2)(c))",
    "5": "Supply chain security (Art. 21(2)(d))",
    "6": "Security in network and information systems acquisition, development and maintenance (Art. 21(2)(e))",
    "7": "Policies and procedures to assess the effectiveness of risk-management measures (Art. 21(2)(f))",
    "8": "Basic cyber hygiene practices and security training (Art. 21(2)(g))",
    "9": "Cryptography (Art. 21(2)(h))",
    "10": "Human resources security (Art. 21(2)(i))",
    "11": "Access control (Art. 21(2)(i) and (j))",
    "12": "Asset management (Art. 21(2)(i))",
    "13": "Environmental and physical security (Art. 21(2)(c), (e) and (i))",
    "10.2": "Verification of background",
    "1.1.1": "Content of the policy on the security of network and information systems",
    "1.1.1.a": "Set out the approach to managing network and information system security",
    "3.2.3.e": "All privileged access and activities performed by administrative accounts",
    "5.1.2.b": "Ability of suppliers to meet the entity's cybersecurity specifications",
    "6.2.2.f": "Sanitise and anonymise test data according to the risk assessment",
    "6.7.1": "Take appropriate measures to protect network and information systems from cyber threats",
    "6.7.2.b": "Controls protecting internal network domains from unauthorised access",
    "6.7.2.c": "Configure controls preventing access and communication not required for operations",
    "11.3.2.d": "System administration accounts used only to connect to system administration systems",
    "11.6.2.a": "Authentication strength appropriate to the classification of the accessed asset",
    "12.2.2.c": "Secure transfer of assets, appropriate to the type of asset",
    "1.1.1.e": "Commit to the resources needed: staff, finances, processes, tools and technologies",
    "1.1.1.j": "Indicators and measures to monitor implementation and the security maturity level",
    "1.1.1.k": "Indicate the date of formal approval by the management bodies",
    "1.1.2": "Management bodies review the policy at least annually and on significant incidents or changes",
    "1.2.1": "Lay down security responsibilities and authorities, assign them to roles, inform management",
    "1.2.2": "Require all personnel and third parties to apply the security policies and procedures",
    "1.2.3": "At least one person reports directly to the management bodies on security matters",
    "1.2.4": "Dedicated security roles or additional duties, depending on the entity's size",
    "1.2.6": "Review roles, responsibilities and authorities at planned intervals and on significant events",
    "2.1.1": "Risk management framework: documented risk assessments, treatment plan and risk acceptance",
    "2.1.2": "Cybersecurity risk management process, part of the overall risk management process",
    "2.1.2.d": "All-hazards identification of risks, incl. third parties and single points of failure",
    "2.1.2.e": "Analyse risks (threat, likelihood, impact, level) using threat intelligence and vulnerabilities",
    "2.1.2.i": "Identify who implements the risk treatment measures and by when",
    "2.1.2.j": "Document treatment measures in a risk treatment plan; justify accepted residual risks",
    "2.1.3": "Prioritise risk treatment using assessments, effectiveness results, cost, classification and BIA",
    "2.1.4": "Review risk assessment and treatment plan at least annually and on significant changes",
    "2.2.1": "Regularly review compliance with security policies; report status to the management bodies",
    "2.2.2": "Compliance reporting system giving management bodies an informed view of risk management",
    "2.2.3": "Compliance monitoring at planned intervals and on significant incidents or changes",
    "2.3.1": "Independent review of the security approach and its implementation (people, processes, technology)",
    "2.3.2": "Independent reviews by competent, impartial reviewers outside the line of authority",
    "2.3.3": "Report review results to management bodies; take corrective action or accept residual risk",
    "2.3.4": "Independent reviews at planned intervals and on significant incidents or changes",
    "3.1.1": "Incident handling policy: roles, responsibilities and procedures from detection to reporting",
    "3.1.2": "Content of the incident handling policy, coherent with the BC/DR plan",
    "3.1.2.a": "Incident categorisation system consistent with event assessment and classification",
    "3.1.2.d": "Documents for detection and response: manuals, escalation charts, contact lists, templates",
    "3.1.3": "Test, review and update incident handling roles and procedures at planned intervals",
    "3.2.1": "Procedures and tools to monitor and log activities and detect potential incidents",
    "3.2.2": "Automated continuous or periodic monitoring, minimising false positives and negatives",
    "3.2.3": "Maintain, document and review logs for a risk-based list of assets; log content",
    "3.2.3.b": "Creation, modification or deletion of users and extension of permissions",
    "3.2.4": "Regular log review; alarm thresholds with automatic alarms and timely qualified response",
    "3.2.5": "Retain and back up logs for a set period; protect them from unauthorised access or change",
    "3.2.6": "Synchronised time sources; list of logged assets; redundant, independently monitored logging",
    "3.2.7": "Review logging procedures and the list of logged assets regularly and after significant incidents",
    "3.3.1": "Simple mechanism for employees, suppliers and customers to report suspicious events",
    "3.3.2": "Communicate the reporting mechanism to suppliers and customers; train employees to use it",
    "3.4.1": "Assess suspicious events to decide whether they are incidents; determine nature and severity",
    "3.4.2": "Method of event assessment and classification",
    "3.4.2.a": "Assess against predefined criteria, with triage to prioritise containment and eradication",
    "3.4.2.b": "Assess recurring incidents (Art. 4 of the Regulation) quarterly",
    "3.4.2.e": "Reassess and reclassify events when new information becomes available",
    "3.5.1": "Respond to incidents in a timely manner following documented procedures",
    "3.5.2": "Stages of the incident response procedures",
    "3.5.3": "Communication plans and procedures for incidents",
    "3.5.3.a": "Communication with CSIRTs or competent authorities on incident notification",
    "3.5.3.b": "Communication among staff and with relevant external stakeholders",
    "3.5.4": "Log incident response activities and record evidence",
    "3.5.5": "Test incident response procedures at planned intervals",
    "3.6.1": "Post-incident reviews identifying root causes and documenting lessons learned",
    "3.6.2": "Post-incident reviews improve security approach, risk treatment and incident procedures",
    "3.6.3": "Review at planned intervals whether incidents led to post-incident reviews",
    "4.1.1": "Lay down and maintain a business continuity and disaster recovery plan for incidents",
    "4.1.2": "Restore operations per the risk-based BC/DR plan; content of the plan",
    "4.1.3": "Business impact analysis of severe disruptions; derive continuity requirements",
    "4.1.4": "Test, review and update the BC and DR plans; incorporate lessons learnt",
    "4.2.1": "Maintain backup copies and sufficient resources for an appropriate level of redundancy",
    "4.2.2": "Risk-based backup plans",
    "4.2.2.b": "Backups complete and accurate, incl. configuration data and data stored in cloud services",
    "4.2.2.c": "Store backups in safe locations off the system's network and distant from the main site",
    "4.2.2.d": "Physical and logical access controls to backup copies per asset classification",
    "4.2.4": "At least partial redundancy of resources, based on risk assessment and BC plan",
    "4.2.5": "Monitoring and adjustment of resources informed by backup and redundancy requirements",
    "4.2.6": "Regularly test recovery from backups and redundancies; document results and correct",
    "4.3.2": "Minimum elements of the crisis management process",
    "4.3.2.a": "Crisis roles and responsibilities for personnel and, where appropriate, suppliers",
    # 4.3.2.b also carries the unnumbered subparagraph after point (c) (CISO Assistant node 4.3.2:1)
    "4.3.2.b": "Communication with competent authorities, incl. mandatory and voluntary communications",
    "4.3.2.c": "Measures to maintain network and information system security in crisis situations",
    "4.3.3": "Process to manage and use information from CSIRTs or authorities on threats and mitigations",
    "4.3.4": "Test, review and update the crisis management plan regularly and after significant events",
    "5.1.1": "Supply chain security policy governing direct suppliers; define and communicate own role",
    "5.1.2": "Criteria to select and contract suppliers and service providers",
    "5.1.2.a": "Cybersecurity practices of suppliers, incl. secure development procedures",
    "5.1.2.c": "Quality, resilience and embedded security of ICT products and services, incl. classification",
    "5.1.2.d": "Ability to diversify sources of supply and limit vendor lock-in",
    "5.1.3": "Take into account coordinated EU risk assessments of critical supply chains (NIS2 Art. 22(1))",
    "5.1.4": "Contracts and SLAs with suppliers specify, where appropriate",
    "5.1.4.a": "Cybersecurity requirements for suppliers, incl. security in acquisition (point 6.1)",
    "5.1.4.b": "Awareness, skills, training and certification requirements for supplier employees",
    "5.1.4.c": "Background verification requirements for supplier employees",
    "5.1.4.d": "Supplier duty to notify, without undue delay, incidents that present a risk to the entity",
    "5.1.4.f": "Supplier duty to handle vulnerabilities that present a risk to the entity",
    "5.1.4.g": "Subcontracting requirements and cybersecurity requirements for subcontractors",
    "5.1.4.h": "Supplier obligations at contract termination, e.g. retrieval and disposal of information",
    "5.1.5": "Apply the selection criteria when selecting suppliers and in procurement",
    "5.1.6": "Review the policy; monitor and act on changes in suppliers' cybersecurity practices",
    "5.1.7": "Supplier monitoring activities",
    "5.1.7.d": "Analyse risks from changes to suppliers' ICT products and services; mitigate in time",
    "5.2.a": "Supplier registry: contact points for each direct supplier and service provider",
    "5.2.b": "Supplier registry: ICT products, services and processes provided by each supplier",
    "6.1.1": "Manage risks of acquiring critical ICT services or products over their life cycle",
    "6.1.2": "Content of the acquisition processes",
    "6.1.2.b": "Security updates over the product lifetime, or replacement after end of support",
    "6.1.2.c": "Information on hardware and software components of the ICT services or products",
    "6.1.2.d": "Information on security functions and the configuration required for secure operation",
    "6.1.2.e": "Assurance that acquired ICT services or products meet the security requirements",
    "6.1.2.f": "Methods to validate delivered products against security requirements; document results",
    "6.1.3": "Review and update acquisition processes at planned intervals and after significant incidents",
    "6.2.1": "Secure development rules for all phases, applied in-house and to outsourced development",
    "6.2.2": "Secure development activities",
    "6.2.2.a": "Security requirements analysis at specification and design of development or acquisition",
    "6.2.2.b": "Secure engineering and coding principles, e.g. security by design and zero trust",
    "6.2.3": "Apply supply chain and acquisition policies (points 5 and 6.1) to outsourced development",
    "6.2.4": "Review and update secure development rules at planned intervals",
    "6.3.1": "Establish, document, implement and monitor configurations, incl. security configurations",
    "6.3.2": "Configuration management activities",
    "6.3.2.b": "Processes and tools enforcing secure configurations for new and operating systems",
    "6.3.3": "Review and update configurations at planned intervals and on significant incidents or changes",
    "6.4.1": "Change management procedures to control changes to network and information systems",
    "6.4.2": "Change procedures for releases, modifications and emergency changes; changes documented and tested",
    "6.4.3": "Document emergency changes made outside the regular procedure, with the reason",
    "6.4.4": "Review and update change procedures at planned intervals and on significant events",
    "6.5.2": "Security testing activities",
    "6.5.2.a": "Risk-based need, scope, frequency and type of security tests",
    "6.5.2.b": "Security tests per documented methodology covering the relevant components",
    "6.5.2.c": "Document type, scope, time and results of tests, with criticality and mitigation per finding",
    "6.6.1": "Security patch procedures, coherent with change, vulnerability and risk management",
    "6.6.1.d": "Compensating measures and accepted residual risk where patches are unavailable or not applied",
    "6.6.2": "Patches may be withheld if disadvantages outweigh benefits; document the reasons",
    "6.7.2": "Network security measures",
    "6.7.2.d": "Controls for remote access to network and information systems, incl. by service providers",
    "6.7.2.g": "Where appropriate, allow network access only from devices authorised by the entity",
    "6.7.2.h": "Allow service provider connections only on authorised request and for a set time period",
    "6.7.2.i": "Communication between systems only through isolated, trusted channels with assured endpoints",
    "6.7.2.j": "Plan and accelerate the secure transition to latest-generation network layer protocols",
    "6.7.2.k": "Plan and accelerate deployment of modern, interoperable e-mail security standards",
    "6.7.2.l": "Best practices for DNS security and for Internet routing security and hygiene",
    "6.7.3": "Review and update network security measures at planned intervals and on significant events",
    "6.8.1": "Risk-based segmentation into networks or zones; segment from third-party systems",
    "6.8.2": "Network segmentation measures",
    "6.8.2.a": "Consider functional, logical and physical relationships, incl. location, of trusted systems",
    "6.8.2.d": "Demilitarised zone for secure communication to and from the entity's networks",
    "6.8.2.e": "Restrict access and communication between and within zones to what is necessary",
    "6.8.2.f": "Separate the administration network from the operational network",
    "6.8.2.h": "Separate production systems from development and test systems, incl. backups",
    "6.8.3": "Review and update network segmentation at planned intervals and on significant events",
    "6.9.2": "Measures to detect or prevent malicious software; regularly updated detection and response tools",
    "6.10.1": "Obtain information on technical vulnerabilities, evaluate exposure and manage them",
    "6.10.2": "Vulnerability handling activities",
    "6.10.2.a": "Monitor vulnerability information via CSIRTs, authorities, suppliers and other channels",
    "6.10.2.b": "Vulnerability scans at planned intervals where appropriate, with recorded results",
    "6.10.2.c": "Address vulnerabilities critical to operations without undue delay",
    "6.10.2.d": "Vulnerability handling compatible with change, patch, risk and incident management",
    "6.10.2.e": "Procedure for disclosing vulnerabilities per the national coordinated disclosure policy",
    "6.10.3": "Mitigation plan where impact justifies it; otherwise document why no remediation is needed",
    "6.10.4": "Review and update vulnerability information channels at planned intervals",
    "7.1": "Policy and procedures to assess whether risk-management measures are effectively implemented",
    "7.2": "Effectiveness assessment based on risk assessment and past significant incidents",
    "7.2.a": "What measures, processes and controls are monitored and measured",
    "7.2.b": "Methods for monitoring, measurement, analysis and evaluation ensuring valid results",
    "7.2.d": "Who is responsible for monitoring and measuring effectiveness",
    "7.3": "Review and update the effectiveness policy and procedures at planned intervals",
    "8.1.1": "Employees, management and direct suppliers aware of risks and applying cyber hygiene",
    "8.1.2": "Awareness programme for employees, management and, where appropriate, suppliers",
    "8.1.2.b": "Programme aligned with the security policy, topic-specific policies and procedures",
    "8.1.2.c": "Programme covers threats, measures in place, contact points and cyber hygiene for users",
    "8.1.3": "Test programme effectiveness where appropriate; update it for new practices and threats",
    "8.2.1": "Identify roles needing security skills; ensure regular security training for them",
    "8.2.2": "Training programme defining training needs for roles and positions based on criteria",
    "8.2.3": "Job-relevant training with assessed effectiveness; training content",
    "8.2.3.a": "Secure configuration and operation of systems, incl. mobile devices",
    "8.2.4": "Train staff moving to roles that require security skills",
    "8.2.5": "Update and run the training programme periodically (policies, roles, threats, technology)",
    "9.1": "Cryptography policy and procedures protecting confidentiality, authenticity and integrity",
    "9.2": "Content of the cryptography policy and procedures",
    "9.2.a": "Type, strength and quality of cryptographic measures per classification, at rest and in transit",
    "9.2.b": "Approved protocols, algorithms, cipher strengths and usage practices; crypto agility",
    "9.2.c": "Approach to key management",
    "9.2.c.xii": "Activation and deactivation dates limiting key use to the authorised period",
    "9.3": "Review and update the cryptography policy at planned intervals, considering the state of the art",
    "10.1.1": "Employees and suppliers understand and commit to their security responsibilities",
    "10.1.2": "Human resources security mechanisms",
    "10.1.2.a": "Ensure employees and suppliers understand and follow the cyber hygiene practices",
    "10.1.2.b": "Ensure privileged and administrative users act according to their roles and responsibilities",
    "10.1.2.c": "Ensure management body members act according to their security roles and responsibilities",
    "10.1.2.d": "Hiring qualified personnel: reference checks, vetting, certification validation, tests",
    "10.1.3": "Review the assignment of personnel to security roles at least annually",
    "10.2.1": "Background verification of employees and, where applicable, suppliers, if needed for the role",
    "10.2.2": "Background verification measures",
    "10.2.2.a": "Criteria for roles that may only be exercised by background-verified persons",
    "10.2.2.b": "Verify before the role is taken up, proportionate to law, classification and risk",
    "10.2.3": "Review and update the background verification policy at planned intervals",
    "10.3.1": "Security duties valid after termination or change of employment are contractually defined",
    "10.3.2": "Include post-employment duties, such as confidentiality, in terms and conditions",
    "10.4.1": "Disciplinary process for security policy violations, considering legal and business requirements",
    "10.4.2": "Review and update the disciplinary process at planned intervals and on legal or risk changes",
    "11.1.1": "Logical and physical access control policies based on business and security requirements",
    "11.1.2": "Scope of the access control policies",
    "11.1.2.a": "Address access by persons: staff, visitors, suppliers and service providers",
    "11.1.3": "Review and update access control policies at planned intervals and on significant events",
    "11.2.1": "Provide, modify, remove and document access rights per the access control policy",
    "11.2.2": "Access rights management measures",
    "11.2.2.a": "Assign and revoke rights on need-to-know, least privilege and separation of duties",
    "11.2.2.d": "Limit third-party access rights (visitors, suppliers) in scope and duration",
    "11.2.3": "Review access rights at planned intervals; adapt to organisational changes; document results",
    "11.3.1": "Policies for privileged and system administration accounts within the access control policy",
    "11.3.2": "Content of the privileged account policies",
    "11.3.2.a": "Strong identification, authentication (e.g. MFA) and authorisation for privileged accounts",
    "11.3.2.b": "Dedicated accounts used exclusively for system administration operations",
    "11.3.3": "Review privileged account rights at planned intervals; adapt and document results",
    "11.4.1": "Restrict and control the use of system administration systems per the access control policy",
    "11.4.2": "Administration system measures",
    "11.4.2.a": "Use administration systems only for system administration purposes",
    "11.4.2.b": "Logically separate administration systems from other application software",
    "11.5.2": "Identity management measures",
    "11.5.3": "Shared identities only when necessary, explicitly approved, documented and risk-managed",
    "11.5.4": "Regularly review identities; deactivate those no longer needed without delay",
    "11.6.1": "Secure authentication procedures and technologies based on access restrictions and policy",
    "11.6.2": "Authentication measures",
    "11.6.2.b": "Confidential allocation and management of secret authentication information; advise staff",
    "11.6.2.c": "Change credentials initially, at set intervals and on suspected compromise",
    "11.6.2.d": "Reset credentials and block users after a set number of failed log-in attempts",
    "11.6.3": "State-of-the-art, risk-based authentication with unique authentication information",
    "11.7.1": "Multi-factor or continuous authentication for access, where appropriate per classification",
    "11.7.2": "Authentication strength appropriate to the classification of the accessed asset",
    "12.1.1": "Classification levels for all in-scope assets, incl. information, per protection required",
    "12.1.2": "Asset classification measures",
    "12.1.2.b": "Classify all assets by CIA and authenticity needs, sensitivity, criticality, risk and value",
    "12.1.2.c": "Align asset availability requirements with BC/DR delivery and recovery objectives",
    "12.1.3": "Periodically review and update asset classification levels",
    "12.2.1": "Asset handling policy, incl. information, communicated to all who use or handle assets",
    "12.2.2": "Content of the asset handling policy",
    "12.2.2.a": "Cover the asset life cycle: acquisition, use, storage, transport and disposal",
    "12.2.2.b": "Rules on safe use, storage and transport, and irretrievable deletion and destruction",
    "12.2.3": "Review and update the asset handling policy at planned intervals and on significant events",
    "12.3.1": "Removable storage media policy, communicated to employees and third parties handling media",
    "12.3.2": "Content of the removable media policy",
    "12.3.2.a": "Technically prohibit connecting removable media unless there is an organisational reason",
    "12.3.2.b": "Disable self-execution and scan removable media for malicious code before use",
    "12.3.2.c": "Control and protect portable storage devices containing data in transit and storage",
    "12.3.2.d": "Where appropriate, cryptographic protection of data on removable media",
    "12.3.3": "Review and update the removable media policy at planned intervals and on significant events",
    "12.4.1": "Complete, accurate, up-to-date and consistent asset inventory with traceable changes",
    "12.4.2": "Content of the asset inventory, at an appropriate granularity",
    "12.4.2.b": "List of network and information systems and associated assets supporting operations",
    "12.4.3": "Regularly review and update the inventory; document the history of changes",
    "12.5.1": "Deposit, return or deletion of assets at termination; block access where that is impossible",
    "13.1.1": "Prevent loss or disruption of network and information systems from utility failures",
    "13.1.2": "Supporting utility measures",
    "13.1.2.a": "Protect facilities from failures of power, telecoms, water, gas, sewage, ventilation, cooling",
    "13.1.2.c": "Protect power and telecom services carrying data or supplying systems from interception and damage",
    "13.1.2.d": "Monitor utility services; report events outside control thresholds to competent personnel",
    "13.1.2.e": "Contracts for emergency supply, e.g. fuel for emergency power",
    "13.1.2.f": "Maintain, monitor and test supply of power, temperature/humidity control, telecoms and Internet",
    "13.1.3": "Test, review and update utility protection measures regularly and on significant events",
    "13.2.1": "Prevent or reduce the consequences of physical and environmental threats, based on risk",
    "13.2.2": "Physical and environmental protection measures",
    "13.2.2.c": "Monitor environmental parameters; report events outside control thresholds",
    "13.2.3": "Test, review and update protection against physical and environmental threats regularly",
    "13.3.1": "Prevent and monitor unauthorised physical access, damage and interference",
    "13.3.2": "Physical access measures",
    "13.3.2.a": "Risk-based security perimeters protecting areas with systems and associated assets",
    "13.3.2.b": "Entry controls and access points protecting the secured areas",
    "13.3.3": "Test, review and update physical access control measures regularly and on significant events",
}

# CISO Assistant nodes that are not carried as separate nodes (folded into another node).
FOLDED = {
    "4.3.2:1": "4.3.2.b",   # unnumbered subparagraph on communications with authorities
    "5.2:1": None,          # "maintain a registry of suppliers, including:" -> 5.2.a/5.2.b hang under 5.2
}


def auto_title(text):
    t = text.strip()
    t = re.sub(r"^The relevant entities shall ", "", t)
    t = re.sub(r"review and, where (appropriate|necessary), update", "review and update", t)
    t = re.sub(r"the relevant entities(’|')? ", "the entity's ", t)
    t = re.sub(r"\btheir\b", "the", t)
    t = re.sub(r"(;| and|, and|; and|,| or|\.|:)+$", "", t).strip()
    t = re.sub(r"(;|,)$", "", t).strip()
    return t[:1].upper() + t[1:]


def read(name):
    with open(os.path.join(REF, name), encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def level_of(ident, parent_level):
    parts = ident.split(".")
    if len(parts) == 1:
        return "section"
    last = parts[-1]
    if re.fullmatch(r"[ivx]+", last) and len(parts) >= 4 and re.fullmatch(r"[a-z]", parts[-2]):
        return "item"
    if re.fullmatch(r"[a-z]", last):
        return "subpoint"
    if parent_level == "section" and len(parts) == 2:
        return None  # decided by caller (subsection or point)
    return "point"


def ir_ref(ident, level):
    if level == "section":
        return f"Annex, section {ident}"
    if level == "subsection":
        return f"Annex, point {ident}"
    parts = ident.split(".")
    num = []
    letters = []
    for p in parts:
        if p.isdigit() and not letters:
            num.append(p)
        else:
            letters.append(p)
    return "Annex, point " + ".".join(num) + "".join(f"({x})" for x in letters)


def build_nis2_ir():
    rows = read("framework_annex-technical-and-methodological-requirements-nis2.csv")
    by_node = {r["node_id"]: r for r in rows}
    has_children = {r["parent_node_id"] for r in rows if r["parent_node_id"]}
    nodes = []
    idmap = {}      # CISO Assistant node_id -> our id
    levels = {}
    missing = []
    for r in rows:
        nid = r["node_id"]
        if nid in FOLDED:
            idmap[nid] = FOLDED[nid]
            continue
        ident = r["ref_id"] or nid
        pnode = r["parent_node_id"]
        while pnode in FOLDED and FOLDED[pnode] is None:
            pnode = by_node[pnode]["parent_node_id"]
        parent = idmap.get(pnode) if pnode else None
        plevel = levels.get(parent)
        level = level_of(ident, plevel)
        if level is None:
            level = "subsection" if nid in has_children and r["name"] else "point"
        if ident in TITLES:
            title = TITLES[ident]
        elif r["name"] and level != "section":
            title = r["name"]
        elif r["short_title"]:
            title = auto_title(r["short_title"])
        else:
            title = ""
        if not title or len(title) > 100:
            missing.append((ident, title))
        idmap[nid] = ident
        levels[ident] = level
        node = dict(id=ident, title=title, level=level, ref=ir_ref(ident, level))
        if parent:
            node["parent"] = parent
        nodes.append(node)
    if missing:
        for m in missing:
            print("needs title:", m)
        raise SystemExit("missing titles")
    meta = dict(
        id="nis2-ir", aliases=["nis2-2024-2690"],
        title="NIS2 Implementing Regulation (EU) 2024/2690, Annex: technical and methodological requirements",
        version="2024/2690",
        publisher="European Commission",
        source="Commission Implementing Regulation (EU) 2024/2690 of 17 October 2024, Annex (ids as in CISO Assistant annex library v12)",
        licence="EU legislation, reuse authorised (Decision 2011/833/EU); titles are short ismc paraphrases or the Annex's own words.",
        kind="requirements", levels=["section", "subsection", "point", "subpoint", "item"])
    return meta, nodes, idmap


NIS2_IR_HEADER = """\
NIS2 Implementing Regulation: Commission Implementing Regulation (EU) 2024/2690 of 17 October 2024
(OJ L, 2024/2690, 18.10.2024), Annex "Technical and methodological requirements referred to in
Article 2" (security measures for DNS, TLD, cloud, data centre, CDN, managed (security) service
providers, online marketplaces, search engines, social networks and trust service providers).

Identifiers and hierarchy follow CISO Assistant's library
annex-nis2-regulation--2024-2690-with-technical-implementation-guidance-by-enisa (version 12,
repository commit f990d7b1), so that the imported ENISA correspondence table resolves.
Levels: section (1-13), subsection (1.1 ...), point (1.1.1, and 7.1, 9.1 ... in sections without
subsections), subpoint (lettered, 1.1.1.a) and item (roman, 9.2.c.i). Requirements are the leaves.
Titles: for points of at most 100 characters the Annex's own wording (lightly trimmed); for longer
points and list introductions a short ismc paraphrase. The ENISA guidance text carried by CISO
Assistant is not used.
Changes against the CISO Assistant data: subsection 10.2 is titled "Verification of background"
(the library repeats "Vulnerability handling and disclosure"); node 5.2:1 (list introduction of
the supplier registry) is dropped and 5.2.a/5.2.b hang under 5.2; node 4.3.2:1 (unnumbered
subparagraph on communications with authorities) is folded into 4.3.2.b; node 12.5:1 is 12.5.1.
Licence: EU legislation may be reused (Decision 2011/833/EU).

Generated by scripts/catalogs/gen_imported.py from the reference CSVs; edit that script.
"""


def iso_key(ref):
    """Natural order of ISO ids: clauses 4-10, then Annex A."""
    return [(0, int(p), "") if p.isdigit() else (1, 0, p) for p in ref.split(".")]


def build_nis2_ir_mapping(idmap, iso):
    """ENISA's rows as published: Annex A and clause rows; exact duplicates once."""
    rows = read("mapping-annex-technical-and-methodological-requirements-nis2-and-iso27001-2022-revert.csv")
    out, seen, dups = [], set(), collections.Counter()
    for r in rows:
        assert r["relationship"] == "intersect" and not r["strength"] and not r["rationale"]
        assert r["source_ref_id"] in iso, r["source_ref_id"]
        tgt = idmap[r["target_node_id"]]
        key = (r["source_ref_id"], tgt)
        if key in seen:
            # byte-identical rows (same pair, relationship, no strength or rationale):
            # kept once, so that every build does not warn 28 times; listed in the header
            dups[key] += 1
            continue
        seen.add(key)
        out.append(dict(source=r["source_ref_id"], rel="intersects", target=tgt, rationale=""))
    clause = [r for r in out if not r["source"].startswith("A.")]
    stats = dict(total=len(rows), kept=len(out), dup=sum(dups.values()),
                 dup_pairs=sorted(dups.items(), key=lambda kv: (iso_key(kv[0][0]), kv[0][1])),
                 clause=len(clause),
                 clause_srcs=sorted({r["source"] for r in clause}, key=iso_key),
                 annexa=len({r["source"] for r in out if r["source"].startswith("A.")}),
                 ctrls=len({r["source"] for r in out}),
                 tgts=len({r["target"] for r in out}))
    return out, stats


def build_soc2_mapping(iso):
    """intuitem's rows lifted from points of focus to criteria, one row per pair."""
    rows = read("mapping-soc2-2017-rev-2022-to-iso27001-2022-revert.csv")
    out, seen = [], set()
    collapsed = 0
    for r in rows:
        assert r["relationship"] == "intersect" and not r["strength"] and not r["rationale"]
        assert r["source_ref_id"] in iso, r["source_ref_id"]
        tgt = r["target_ref_id"]
        parts = tgt.split(".")
        crit = ".".join(parts[:2])              # CC6.1.1 -> CC6.1
        crit = re.sub(r"^PP", "PI", crit)       # CISO Assistant's PP1.x typo -> PI1.x
        key = (r["source_ref_id"], crit)
        if key in seen:
            collapsed += 1
            continue
        seen.add(key)
        out.append(dict(source=r["source_ref_id"], rel="intersects", target=crit, rationale=""))
    clause = [r for r in out if not r["source"].startswith("A.")]
    stats = dict(total=len(rows), collapsed=collapsed, kept=len(out), clause=len(clause),
                 clause_all=sum(1 for r in rows if not r["source_ref_id"].startswith("A.")),
                 ctrls=len({r["source"] for r in out if r["source"].startswith("A.")}),
                 clauses=len({r["source"] for r in clause}),
                 tgts=len({r["target"] for r in out}),
                 clause_srcs=sorted({r["source"] for r in clause}, key=iso_key))
    return out, stats


def wrap(items):
    import textwrap
    return "\n  ".join(textwrap.wrap(", ".join(items), 92))


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)
    print("wrote", os.path.relpath(path, ROOT))


def main():
    meta, nodes, idmap = build_nis2_ir()
    write(os.path.join(FW, "nis2-ir-2024-2690.yaml"), ismcyaml.catalog(NIS2_IR_HEADER, meta, nodes))
    ids = {n["id"] for n in nodes}
    iso = xwalk.iso_ids(FW)

    rows, st = build_nis2_ir_mapping(idmap, iso)
    for r in rows:
        assert r["target"] in ids, r
    parents = {n.get("parent") for n in nodes}
    grp = sorted({r["target"] for r in rows if r["target"] in parents})
    grp_rows = sum(1 for r in rows if r["target"] in parents)
    dup_list = "; ".join(f"{s_} -> {t} (x{n + 1})" for (s_, t), n in st["dup_pairs"])
    header = f"""\
ISO/IEC 27001:2022 -> NIS2 Implementing Regulation (EU) 2024/2690 Annex: IMPORTED correspondence
table.

Provenance: ENISA, "NIS2 Technical Implementation Guidance" (June 2025, v1.0), correspondence
table with ISO/IEC 27001:2022, as carried by CISO Assistant (intuitem) in
backend/library/libraries/mapping-annex-technical-and-methodological-requirements-nis2-and-
iso27001-2022.yaml (library version 2), mapping set "-revert" (ISO -> NIS2 IR), repository
commit {CA_COMMIT}. Not re-checked against the ENISA PDF.
Licence: (c) European Union Agency for Cybersecurity (ENISA), 2025, CC BY 4.0. Changes made by
ismc (as CC BY 4.0 requires us to indicate):
- relationship "intersect" is written as rel intersects; the source rows carry no strength and
  no rationale, so none are given (rationale is empty);
- target 12.5:1 is written 12.5.1 (its ref_id);
- the source holds {st['dup']} exact duplicate rows (same ISO node, same NIS2 IR node, same relationship,
  no strength or rationale), all from clauses 6.1.2 and 6.1.3; each pair is written once, since a
  repeated row adds nothing and the loader would warn about each one on every build. The pairs
  (with the number of times the source lists them): {wrap([dup_list])}.
Every other row is kept as published: {st['kept']} of {st['total']} rows, {st['clause']} of them from the ISMS
clauses (4-10), which are part of the iso27001-2022 catalog: {wrap(st['clause_srcs'])}.
Rows: {st['kept']}, from {st['annexa']} Annex A controls and {len(st['clause_srcs'])} clauses to {st['tgts']} NIS2 IR nodes.
{grp_rows} rows target {len(grp)} group nodes of nis2-ir (points that introduce a list, e.g. 3.2.3,
5.1.4), as in the source. All rows are partial (intersects): none gives full coverage on its
own. ismc's own covering-set judgement is beside this file: iso27001-2022--nis2-ir.ismc.yaml.

Generated by scripts/catalogs/gen_imported.py from the reference CSVs; edit that script.
"""
    write(os.path.join(FW, "mappings", "iso27001-2022--nis2-ir.yaml"), ismcyaml.mapping(
        header,
        dict(id="iso27001-2022--nis2-ir", source="iso27001-2022", target="nis2-ir",
             title="ISO/IEC 27001:2022 to NIS2 Implementing Regulation 2024/2690 (ENISA)",
             provenance="ENISA (NIS2 technical implementation guidance, via CISO Assistant library commit f990d7b1)",
             origin=f"ENISA NIS2 Technical Implementation Guidance (June 2025, v1.0) correspondence table, CC BY 4.0; CISO Assistant mapping set mapping-annex-technical-and-methodological-requirements-nis2-and-iso27001-2022-revert, commit {CA_COMMIT}",
             method="imported; changes listed in the file header and doc/mapping-method.md"),
        rows))
    print("nis2-ir mapping:", {k: v for k, v in st.items() if k != "dup_pairs"})

    rows, st = build_soc2_mapping(iso)
    _, snodes = gen_soc2.build_soc2()
    soc2_ids = {n["id"] for n in snodes if n["level"] == "criterion"}
    for r in rows:
        assert r["target"] in soc2_ids, r
    header = f"""\
ISO/IEC 27001:2022 -> SOC 2 (AICPA TSC 2017, rev. 2022): IMPORTED mapping, lifted to criteria.

Provenance: intuitem / CISO Assistant, backend/library/libraries/
mapping-soc2-2017-rev-2022-to-iso27001-2022.yaml (library version 1), mapping set "-revert"
(ISO -> SOC 2), repository commit {CA_COMMIT}.
Written by intuitem, not by the AICPA or ISO.
Licence: CISO Assistant library data, distributed under the GNU AGPL v3 as part of that
repository (copyright field "intuitem"). Shipping this file, or a derivative, inside ismc may
bring AGPL obligations; the project lead decides whether it ships or stays an optional data pack.
Changes made by ismc:
- the source maps ISO nodes to SOC 2 points of focus (e.g. CC6.1.1); the soc2 catalog stops at
  criteria, so every target is lifted to its criterion (CC6.1.1 -> CC6.1; a PP1.x id would
  become PI1.x, but none occurs);
- lifting makes many rows identical; {st['collapsed']} of the {st['total']} rows collapsed into the {st['kept']}
  distinct pairs kept here (one row per ISO node and criterion);
- relationship "intersect" is written as rel intersects; no strength or rationale in the source.
The {st['clause_all']} rows from the ISMS clauses (4-10), which are part of the iso27001-2022 catalog, are
kept ({st['clause']} distinct pairs after lifting): {wrap(st['clause_srcs'])}.
Rows: {st['kept']}, from {st['ctrls']} Annex A controls and {st['clauses']} clauses to {st['tgts']} of the 61 criteria.
All rows are partial (intersects): none gives full coverage on its own. ismc's own covering-set
judgement is beside this file: iso27001-2022--soc2.ismc.yaml.

Generated by scripts/catalogs/gen_imported.py from the reference CSVs; edit that script.
"""
    write(os.path.join(FW, "mappings", "iso27001-2022--soc2.yaml"), ismcyaml.mapping(
        header,
        dict(id="iso27001-2022--soc2", source="iso27001-2022", target="soc2",
             title="ISO/IEC 27001:2022 to SOC 2 TSC 2017 criteria (intuitem)",
             provenance="intuitem / CISO Assistant (AGPL-3.0 library data)",
             origin=f"CISO Assistant mapping set mapping-soc2-2017-rev-2022-to-iso27001-2022-revert, commit {CA_COMMIT}; lifted from points of focus to criteria",
             method="imported; changes listed in the file header and doc/mapping-method.md"),
        rows))
    print("soc2 mapping:", st)


if __name__ == "__main__":
    main()
