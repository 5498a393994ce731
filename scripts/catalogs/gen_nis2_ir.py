#!/usr/bin/env python3
"""Generate ismc's own covering-set judgement ISO/IEC 27001:2022 -> NIS2 IR 2024/2690.

Written for ismc. Reads the nis2-ir catalog (frameworks/nis2-ir-2024-2690.yaml,
made by gen_imported.py) and the ISO catalog's ids; writes

  frameworks/mappings/iso27001-2022--nis2-ir.ismc.yaml

beside ENISA's published table (iso27001-2022--nis2-ir.yaml, every row
"intersects"), which stays as published. Every one of the 160 points of the
Annex (and the two supplier-registry items 5.2.a/5.2.b, which hang under no
point) is judged: one row on the point when one judgement holds for all its
items, or one row per item where the items differ (a residual on one item
only). Method: doc/mapping-method.md.

Usage: python3 scripts/catalogs/gen_nis2_ir.py [--residuals]
  --residuals  print, instead, what a full ISO/IEC 27001 implementation leaves of each
               point (doc/mapping-method.md quotes it)
Edit the table in this script, not the generated YAML.
"""
import json
import os
import re
import sys
sys.dont_write_bytecode = True

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import xwalk  # noqa: E402
from gen_own import write  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FW = os.path.join(ROOT, "frameworks")

# Reading conventions (doc/mapping-method.md, NIS2 IR):
# * "review and update at planned intervals and on significant incidents or changes":
#   A.5.1 reviews every (topic-specific) policy at planned intervals and on
#   significant changes, A.5.27 feeds incidents back into the controls; with the
#   topic's own control they contain the review duty. "At least annually" and
#   "test" are residuals unless a member asks for them.
# * ISO's top management is read as the management body (see gen_nis2.py).
# * ISO/IEC 27002:2022 guidance is the yardstick of a control's scope.
# * A row from one control names the items, not their point, where ENISA's
#   table relates the same control to the items themselves: a row between the
#   two requirements is preferred to one naming the group (doc/coverage.md).
IR_X = r"""
# 1 Policy on the security of network and information systems (21(2)(a))
1.1.1.a | sup 9 | 5.2 A.5.1 | the policy sets out the approach to managing security (1.1.1.a): the
  information security policy and topic-specific policies
1.1.1.b | sup 9 | 5.1 5.2 | the policy fits the business strategy and objectives (1.1.1.b): policy appropriate
  to the organisation's purpose and compatible with its strategic direction
1.1.1.c | sup 9 | 5.2 6.2 | the policy sets security objectives (1.1.1.c): policy with objectives or their
  framework; measurable objectives and plans
1.1.1.d | sup 9 | 5.2 | commitment to continual improvement in the policy (1.1.1.d): the policy includes it (5.2 d)
1.1.1.e | sup 7 | 5.1 7.1 | commitment to provide resources (1.1.1.e): top management ensures, and the
  organisation provides, the resources of the ISMS
  | the policy document itself states the commitment to staff, financial resources, processes, tools
1.1.1.f | sup 9 | 5.2 A.5.1 | policy communicated to and acknowledged by employees and interested parties
  (1.1.1.f): A.5.1 asks exactly that
1.1.1.g | sup 9 | 5.3 A.5.1 A.5.2 | the policy lays down roles and responsibilities (1.1.1.g): roles assigned
  and communicated; the policy assigns responsibilities to roles
1.1.1.h | sup 8 | 7.5.1 7.5.3 A.5.33 | documentation to keep and its retention (1.1.1.h): documented
  information determined, retained and disposed of; records protected for their retention period
  | the list of documentation and its retention periods is laid down in the security policy
1.1.1.i | sup 8 | A.5.1 | the policy lists the topic-specific policies (1.1.1.i): topic-specific policies
  defined, approved and published
  | the security policy lists the topic-specific policies
1.1.1.j | sup 7 | 6.2 9.1 | indicators to monitor implementation and maturity (1.1.1.j): measurable objectives;
  monitoring and measurement of security performance
  | indicators of the maturity level of network and information security, laid down in the policy
1.1.1.k | sup 9 | 5.2 7.5.2 | date of formal approval by the management bodies (1.1.1.k): top management
  establishes the policy; documented information is identified (date) and approved
1.1.2 | sup 8 | 9.3.1 9.3.3 A.5.1 A.5.27 | management bodies review the policy, results documented
  (1.1.2): management review at planned intervals with documented results, policy review on significant
  changes, lessons from incidents
  | the review takes place at least annually
1.2.1 | sup 9 | 5.3 A.5.2 | responsibilities and authorities laid down, assigned to roles, communicated to
  management (1.2.1): roles assigned and communicated by top management
1.2.2 | sup 9 | A.5.4 A.5.20 | all personnel and third parties apply the policies (1.2.2): management requires
  all personnel to apply security; supplier agreements bind third parties
1.2.3 | sup 9 | 5.3 | one person reports directly to the management bodies on security (1.2.3): 5.3 b
  assigns the reporting on ISMS performance to top management
1.2.4 | sup 9 | 5.3 A.5.2 | dedicated security roles or added duties by size (1.2.4): roles defined and
  allocated according to the organisation's needs
1.2.5 | eq 9 | A.5.3 | segregation of conflicting duties and areas of responsibility (1.2.5)
1.2.6 | sup 8 | 9.3.1 9.3.3 A.5.1 A.5.2 A.5.27 | roles reviewed by management bodies at planned intervals
  and on significant incidents or changes (1.2.6): management review decides changes to the ISMS, the
  policy that lays down the roles is reviewed on significant changes, incidents improve controls

# 2 Risk management (21(2)(a))
2.1.1 | sup 9 | 6.1.2 6.1.3 8.2 8.3 9.3.2 | risk management framework, documented assessments, treatment
  plan, acceptance by the management bodies or accountable persons reporting to them (2.1.1): risk
  assessment and treatment, risk owners accept residual risk, results reported to management review
2.1.2.a | sup 9 | 6.1.2 | follow a risk management methodology (2.1.2.a): a defined risk assessment process
  giving consistent, valid and comparable results
2.1.2.b | sup 8 | 6.1.2 | risk tolerance level per risk appetite (2.1.2.b): risk acceptance criteria
2.1.2.c | sup 9 | 6.1.2 | establish and maintain risk criteria (2.1.2.c): 6.1.2 a
2.1.2.d | sup 7 | 6.1.2 8.2 A.5.19 A.5.21 A.8.14 | all-hazards risk identification incl. third parties
  (2.1.2.d): risks to confidentiality, integrity and availability identified, supplier and ICT supply
  chain risks, availability needs for redundancy
  | single points of failure identified and documented in the risk identification
2.1.2.e | sup 9 | 6.1.2 A.5.7 A.8.8 | analyse threat, likelihood, impact and level with threat intelligence
  and vulnerabilities (2.1.2.e): risk analysis; threat intelligence and vulnerability information feed it
2.1.2.f | sup 9 | 6.1.2 | evaluate risks against the criteria (2.1.2.f): 6.1.2 e
2.1.2.g | sup 9 | 6.1.2 6.1.3 | identify and prioritise treatment options and measures (2.1.2.g): risks
  prioritised for treatment; options and controls determined
2.1.2.h | sup 8 | 8.3 9.1 9.3.2 | continuously monitor implementation of treatment (2.1.2.h): the treatment
  plan implemented, monitored and its status reviewed
2.1.2.i | sup 7 | 6.1.3 8.3 | who implements each treatment measure and when (2.1.2.i): risk treatment plan
  and its implementation
  | the risk treatment plan names who implements each measure and by when (ISO 27001 does not prescribe
  the plan's content)
2.1.2.j | sup 9 | 6.1.3 | treatment measures in a plan; reasons for accepting residual risks (2.1.2.j):
  risk treatment plan, Statement of Applicability with justifications, acceptance against the criteria
2.1.3 | sup 7 | 6.1.3 9.1 A.5.12 A.5.30 | prioritise treatment with assessment results, effectiveness,
  classification and BIA (2.1.3): treatment selection, effectiveness evaluation, classification, BIA
  | cost of implementation weighed against the expected benefit when prioritising
2.1.4 | sup 8 | 6.1.3 8.2 A.5.27 | review assessment results and treatment plan on significant changes or
  incidents (2.1.4): risk assessments at planned intervals and on significant changes
  | at least annually
2.2.1 | sup 9 | 5.3 9.3.2 A.5.36 | regular compliance reviews; management bodies informed (2.2.1):
  compliance with policies, rules and standards regularly reviewed; ISMS performance reported to top
  management
2.2.2 | sup 8 | 5.3 9.1 9.3.2 | compliance reporting system giving the management bodies a view of risk
  management (2.2.2): reporting on ISMS performance, monitoring results and treatment status
2.2.3 | sup 7 | 9.2.1 A.5.36 | compliance monitoring at planned intervals (2.2.3): internal audits and
  regular compliance reviews
  | compliance monitoring also when significant incidents or significant changes occur
2.3.1 | sup 9 | A.5.35 | independent review of the approach and its implementation incl. people, processes,
  technology (2.3.1): A.5.35 asks that, and more (planned intervals)
2.3.2 | sup 9 | 7.2 9.2.2 A.5.35 | independent reviews by competent, impartial reviewers outside the line of
  authority (2.3.2): independent review, auditors chosen for objectivity and impartiality, competence
2.3.3 | sup 9 | 6.1.3 9.2.2 9.3.2 10.2 A.5.35 | review results reported to the management bodies;
  corrective action or acceptance of residual risk (2.3.3): audit and review results reported and
  reviewed, corrective action, risk acceptance
2.3.4 | sup 8 | 9.2.1 A.5.35 | independent reviews at planned intervals and on significant changes
  (2.3.4): A.5.35
  | an independent review also after significant incidents

# 3 Incident handling (21(2)(b))
3.1.1 | sup 9 | A.5.5 A.5.24 A.5.25 A.5.26 A.6.8 | incident handling policy with roles and procedures from
  detection to reporting (3.1.1): incident management planning with roles, event reporting, assessment,
  response, contact with authorities
3.1.2 | sup 8 | 7.2 A.5.5 A.5.24 A.5.25 A.5.26 A.5.37 | content of the policy: categorisation,
  communication and escalation, competent roles, manuals, charts, contact lists, templates (3.1.2):
  incident planning, categorisation and prioritisation, escalation and communication, documented
  procedures, competence
3.1.3 | sup 7 | A.5.1 A.5.24 A.5.27 | incident roles and procedures tested, reviewed, updated (3.1.3):
  planning and preparation, review of policies, lessons from incidents
  | testing of the incident handling roles and procedures at planned intervals
3.2.1 | sup 9 | A.8.15 A.8.16 | procedures and tools to monitor and log activities and detect incidents
  (3.2.1): logging and monitoring of networks, systems and applications with action on anomalies
3.2.2 | sup 8 | A.8.16 | automated, continuous or periodic monitoring minimising false positives and
  negatives (3.2.2): 27002 8.16 monitoring with tools, continuous or periodic
  | monitoring tuned to minimise false positives and false negatives
3.2.3 | sup 8 | A.7.2 A.7.4 A.7.5 A.7.11 A.8.2 A.8.6 A.8.15 A.8.16 | logs kept and reviewed for a risk-based
  list of assets, with traffic, identity and permission changes, access, authentication, privileged
  activity, configuration and backup changes, security tool events, resource use, physical access,
  network devices, log activation, environmental events (3.2.3): event logging, monitoring, privileged
  access logging, capacity monitoring, physical entry records and monitoring, utility and environmental
  monitoring
3.2.4 | sup 8 | A.5.25 A.5.26 A.8.15 A.8.16 | log review, alarm thresholds, automatic alarms, timely
  qualified response (3.2.4): logs analysed, monitoring with baselines and alerts, event assessment and
  response
3.2.5 | sup 9 | A.8.13 A.8.15 | logs retained, backed up, protected from unauthorised access or change
  (3.2.5): log protection and retention, backup
3.2.6 | sup 6 | A.8.14 A.8.15 A.8.16 A.8.17 | synchronised clocks, list of logged assets, redundant and
  independently monitored logging (3.2.6): clock synchronisation, logging, monitoring, redundancy where
  availability requires it
  | a list of all logged assets; monitoring and logging systems redundant, with their availability
  monitored independently of the systems they monitor
3.2.7 | sup 8 | A.5.1 A.5.27 A.5.37 A.8.15 | logging procedures and list of logged assets reviewed
  regularly and after significant incidents (3.2.7): logging policy reviewed, procedures kept up to
  date, lessons from incidents
3.3.1 | sup 7 | A.5.20 A.6.8 | simple mechanism for employees, suppliers and customers to report suspicious
  events (3.3.1): event reporting by personnel; incident notification duties in supplier agreements
  | customers (and other external parties) can report suspicious events too
3.3.2 | sup 6 | A.5.20 A.6.3 A.6.8 | reporting mechanism communicated to suppliers and customers; employees
  trained to use it (3.3.2): event reporting, training, supplier agreements
  | the reporting mechanism is communicated to customers
3.4.1 | sup 9 | A.5.25 | assess suspicious events, decide if incidents, determine nature and severity
  (3.4.1): A.5.25
3.4.2.a | sup 9 | A.5.24 A.5.25 | assessment on predefined criteria with triage for containment and
  eradication (3.4.2.a): categorisation and prioritisation scheme
3.4.2.b | sup 6 | A.5.25 A.5.27 | recurring incidents (3.4.2.b): incident trends and recurring incidents
  identified from incident knowledge
  | a quarterly assessment of recurring incidents against Art. 4 of Regulation 2024/2690
3.4.2.c | sup 9 | A.5.25 A.8.15 | review logs for event assessment (3.4.2.c): logs analysed, events assessed
3.4.2.d | sup 8 | A.8.15 A.8.16 A.8.17 | log correlation and analysis (3.4.2.d): log analysis, monitoring,
  synchronised clocks for correlation
3.4.2.e | sup 7 | A.5.25 | reassess and reclassify events on new information (3.4.2.e): event assessment
  | events reassessed and reclassified when new information becomes available
3.5.1 | sup 9 | A.5.26 | respond to incidents by documented procedures in a timely manner (3.5.1): A.5.26
3.5.2 | sup 8 | A.5.26 A.5.29 A.5.30 | containment, eradication and recovery stages (3.5.2): response
  contains and deals with the incident; recovery through security continuity and ICT readiness
3.5.3 | sup 8 | 7.4 A.5.5 A.5.24 A.5.26 A.5.31 | communication plans with the CSIRT or authority on
  notification, among staff and with external stakeholders (3.5.3): contact with authorities and how
  incidents are reported to them, legal reporting duties, communication during response
3.5.4 | sup 9 | A.5.26 A.5.28 | log response activities, record evidence (3.5.4): response activities
  logged; evidence collected
3.5.5 | sup 5 | A.5.24 A.5.26 | test the incident response procedures at planned intervals (3.5.5):
  response procedures planned and documented
  | the incident response procedures are tested at planned intervals
3.6.1 | sup 9 | 10.2 A.5.27 | post-incident reviews with root cause and documented lessons learned
  (3.6.1): learning from incidents; causes determined
3.6.2 | sup 9 | 8.2 10.1 A.5.27 | post-incident reviews improve security, risk treatment and incident
  procedures (3.6.2): incident knowledge improves controls, risk assessment and the ISMS
3.6.3 | sup 6 | 9.2.1 A.5.27 | check at planned intervals that incidents led to post-incident reviews
  (3.6.3): internal audits of the learning process
  | a periodic check that every incident that called for a post-incident review received one

# 4 Business continuity and crisis management (21(2)(c))
4.1.1 | sup 7 | A.5.29 A.5.30 | business continuity and disaster recovery plan for incidents (4.1.1):
  information security during disruption, ICT continuity plans
  | a business continuity plan for the entity's operations (ISO 27001 requires ICT readiness and
  information security continuity, not business continuity management)
4.1.2 | sup 7 | 6.1.2 A.5.29 A.5.30 A.8.13 A.8.14 | restore operations by a risk-based plan with scope,
  roles, contacts, activation, recovery order and objectives, resources (4.1.2): ICT continuity plans
  with recovery objectives and procedures, backups, redundancy
  | the plan covers the entity's operations (purpose, scope, audience, activation and deactivation,
  order of recovery, return from temporary measures), not only ICT readiness
4.1.3 | sup 8 | A.5.30 | business impact analysis; continuity requirements for the systems (4.1.3): ICT
  continuity requirements from a BIA (27002 5.30)
4.1.4 | sup 7 | A.5.27 A.5.29 A.5.30 | BC and DR plans tested, reviewed, updated; lessons from tests
  (4.1.4): ICT readiness tested; lessons from incidents
  | tests and reviews cover the business continuity plan of the entity's operations, not only ICT
  readiness
4.2.1 | sup 8 | 7.1 A.5.29 A.5.30 A.8.13 A.8.14 | backup copies and resources (facilities, systems, staff)
  for redundancy (4.2.1): backups, redundant facilities, continuity resources
  | enough staff for an appropriate level of redundancy of personnel
4.2.2.a | sup 9 | A.5.30 A.8.13 | recovery times in backup plans (4.2.2.a): recovery time objectives;
  backups meeting them
4.2.2.b | sup 9 | A.5.23 A.8.13 | complete and accurate backups incl. configuration and cloud data
  (4.2.2.b): complete backups, cloud services
4.2.2.c | sup 8 | A.8.13 | backups stored safely, outside the system's network, far enough from the main
  site (4.2.2.c): remote location at a sufficient distance
  | backup copies kept outside the network of the system they back up
4.2.2.d | sup 9 | A.5.15 A.7.10 A.8.13 | physical and logical access control to backups by classification
  (4.2.2.d): backups protected like the source, access control, storage media
4.2.2.e | sup 9 | A.8.13 | restoring data from backup copies (4.2.2.e): tested restore procedures
4.2.2.f | sup 9 | A.5.33 A.8.13 | retention by business and regulatory requirements (4.2.2.f): backup
  retention, protection of records
4.2.3 | sup 8 | A.8.13 | regular integrity checks on backup copies (4.2.3): backup media tested so they
  can be relied on
4.2.4.a,4.2.4.b,4.2.4.d | sup 8 | A.5.30 A.7.11 A.8.14 | at least partial redundancy of systems, assets
  incl. facilities and supplies, and communication channels (4.2.4): redundancy, utilities, ICT readiness
4.2.4.c | sup 6 | A.5.29 A.5.30 | redundancy of personnel with responsibility, authority and competence
  (4.2.4.c): continuity planning
  | redundancy of personnel with the needed responsibility, authority and competence
4.2.5 | sup 8 | A.8.6 A.8.14 | resources monitored and adjusted by backup and redundancy needs (4.2.5):
  capacity management, redundancy
4.2.6 | sup 9 | 10.2 A.5.30 A.8.13 A.8.14 | test recovery from backups and redundancies; document; correct
  (4.2.6): restore tests, failover tests, ICT readiness tests, corrective action
4.3.1 | sup 5 | A.5.24 A.5.26 A.5.29 | process for crisis management (4.3.1): incident escalation incl.
  crisis activities, security during disruption
  | a crisis management process of the entity
4.3.2.a | sup 5 | A.5.2 A.5.26 A.5.29 | crisis roles for personnel and suppliers with steps (4.3.2.a):
  roles, escalation, security during disruption
  | crisis roles and responsibilities for personnel and suppliers, with the steps to follow
4.3.2.b | sup 8 | A.5.5 A.5.29 | communication with the competent authorities in a crisis, obligatory and
  voluntary (4.3.2.b): contact with authorities, security during disruption
4.3.2.c | sup 9 | A.5.29 | maintain security in crisis situations (4.3.2.c): A.5.29
4.3.3 | sup 9 | A.5.5 A.5.7 A.8.8 | use information from CSIRTs or authorities on incidents, vulnerabilities,
  threats, mitigations (4.3.3): contact with authorities, threat intelligence, vulnerability information
4.3.4 | sup 5 | A.5.27 A.5.29 A.5.30 | crisis management plan tested, reviewed, updated (4.3.4): disruption
  and ICT readiness plans tested; lessons learned
  | testing and review of the crisis management plan

# 5 Supply chain security (21(2)(d))
5.1.1 | sup 7 | A.5.19 A.5.20 A.5.21 | supply chain security policy for direct suppliers (5.1.1):
  supplier relationship policy and processes, agreements, ICT supply chain
  | the entity identifies its own role in the supply chain and communicates it to its direct suppliers
5.1.2.a | sup 9 | A.5.19 A.8.30 | selection by suppliers' security practices incl. secure development
  (5.1.2.a): supplier evaluation and selection, outsourced development
5.1.2.b | sup 9 | A.5.19 A.5.20 | selection by ability to meet the entity's specifications (5.1.2.b):
  requirements set and agreed
5.1.2.c | sup 8 | A.5.19 A.5.21 A.5.23 | quality, resilience and embedded security of ICT products and
  services (5.1.2.c): supplier selection, ICT supply chain assurance, cloud services
5.1.2.d | sup 4 | A.5.19 A.5.23 | diversify sources and limit vendor lock-in (5.1.2.d): supplier selection,
  cloud exit strategies
  | the ability to diversify sources of supply and limit vendor lock-in as a selection criterion
5.1.3 | sup 3 | 4.1 A.5.7 A.5.21 | coordinated EU risk assessments of critical supply chains (5.1.3):
  external issues, threat intelligence, ICT supply chain risk
  | the results of the coordinated security risk assessments under NIS2 Art. 22(1)
5.1.4 | sup 9 | A.5.20 A.5.21 A.5.23 A.6.1 A.6.3 A.8.8 | contracts and SLAs with security requirements,
  training and certification, background checks, incident notification, audit rights, vulnerability
  handling, subcontracting, termination duties (5.1.4): supplier agreements (27002 5.20 lists these),
  supply chain propagation, cloud exit, screening and training of contractors, suppliers' vulnerabilities
5.1.5 | sup 7 | A.5.19 A.5.21 A.5.23 | selection criteria applied in selection and procurement (5.1.5):
  supplier selection and acquisition processes
  | the selection also applies the lock-in criterion and the EU coordinated risk assessments (5.1.2.d,
  5.1.3)
5.1.6 | sup 9 | A.5.1 A.5.22 A.5.27 | policy reviewed; suppliers' practices monitored, evaluated, acted on
  (5.1.6): A.5.22 monitors, reviews, evaluates and manages change in supplier practices; policy review;
  lessons from incidents
5.1.7 | sup 9 | 8.2 A.5.22 | SLA reports, supplier incidents, unscheduled reviews, risks of supplier
  changes (5.1.7): supplier service monitoring and change management; risk assessment on changes
5.2.a,5.2.b | sup 8 | A.5.19 A.5.20 A.5.22 | registry of direct suppliers with contact points and the ICT
  products and services each provides (5.2): supplier types documented, agreements, supplier monitoring
  | a registry of direct suppliers and service providers with their contact points and what each provides

# 6 Acquisition, development and maintenance (21(2)(e))
6.1.1 | sup 9 | A.5.21 A.5.23 A.8.26 | manage risks of acquiring critical ICT services and products over
  their life cycle (6.1.1): ICT supply chain, cloud services, security requirements on acquisition
6.1.2.a | sup 9 | A.5.20 A.5.21 A.8.26 | security requirements for what is acquired (6.1.2.a)
6.1.2.b | sup 7 | A.5.21 A.8.8 | security updates over the lifetime or replacement at end of support
  (6.1.2.b): supply chain requirements, vulnerability management
  | acquisition requires security updates over the product's lifetime, or its replacement at end of
  support
6.1.2.c | sup 6 | A.5.21 | information on hardware and software components (6.1.2.c): traceability of
  critical components
  | component information (e.g. a software bill of materials) for every acquired ICT product or service
6.1.2.d | sup 7 | A.5.20 A.5.21 A.8.9 | information on security functions and secure configuration
  (6.1.2.d): requirements on suppliers, secure configuration
  | the supplier's description of the security functions and of the configuration for secure operation
6.1.2.e | sup 9 | A.5.21 A.8.26 A.8.29 | assurance that acquired products meet the requirements (6.1.2.e):
  supply chain assurance, acceptance testing
6.1.2.f | sup 9 | A.5.21 A.8.29 | validate delivered products against requirements; document (6.1.2.f):
  acceptance testing with recorded results
6.1.3 | sup 9 | A.5.1 A.5.21 A.5.27 | acquisition processes reviewed at planned intervals and after
  significant incidents (6.1.3): supplier policy review, lessons from incidents
6.2.1 | sup 9 | A.8.25 A.8.27 A.8.30 | secure development rules for all phases, in-house and outsourced
  (6.2.1): secure development life cycle, engineering principles, outsourced development
6.2.2 | sup 9 | A.5.8 A.8.11 A.8.25 A.8.26 A.8.27 A.8.28 A.8.29 A.8.31 A.8.33 | requirements analysis,
  secure engineering and coding (security by design, zero trust), development environments, security
  testing, test data, sanitised test data (6.2.2): project security, application requirements,
  architecture and engineering principles, secure coding, testing, separated environments, test
  information, data masking
6.2.3 | sup 8 | A.5.19 A.5.20 A.5.21 A.8.30 | supply chain and acquisition policies applied to outsourced
  development (6.2.3)
6.2.4 | sup 9 | A.5.1 A.8.25 | secure development rules reviewed at planned intervals (6.2.4):
  topic-specific policy review
6.3.1 | sup 9 | A.8.9 | configurations, incl. security configurations of hardware, software, services and
  networks, established, documented, implemented, monitored (6.3.1): A.8.9
6.3.2.a,6.3.2.b | sup 9 | A.8.9 | secure configurations laid down and enforced with tools, for new and running
  systems (6.3.2): standard templates and configuration management tools
6.3.3 | sup 9 | A.5.27 A.8.9 A.8.32 | configurations reviewed at planned intervals and on significant
  incidents or changes (6.3.3): configurations reviewed; change management; lessons from incidents
6.4.1 | sup 9 | 6.3 8.1 A.8.32 | change management procedures consistent with general change policies
  (6.4.1)
6.4.2 | sup 8 | A.8.29 A.8.31 A.8.32 | releases, modifications, emergency and configuration changes
  documented, tested and assessed before implementation (6.4.2): change management with impact
  assessment and testing
6.4.3 | sup 8 | 7.5.1 A.8.32 | emergency changes documented with the reason (6.4.3): change records incl.
  emergency changes
6.4.4 | sup 8 | A.5.1 A.5.27 A.5.37 A.8.32 | change procedures reviewed at planned intervals and on
  significant incidents or changes (6.4.4)
6.5.1 | sup 8 | A.8.8 A.8.29 A.8.34 | security testing policy and procedures (6.5.1): security testing in
  development and acceptance, technical vulnerability assessments and penetration tests, protection of
  systems during tests
6.5.2 | sup 8 | 6.1.2 A.8.8 A.8.29 A.8.34 | risk-based need, scope and type of tests; methodology;
  documented results with criticality and mitigation; critical findings mitigated (6.5.2)
6.5.3 | sup 9 | A.5.1 A.8.8 A.8.29 | security testing policies reviewed at planned intervals (6.5.3)
6.6.1 | sup 9 | 6.1.3 A.8.8 A.8.19 A.8.31 A.8.32 | security patches timely, tested, from trusted sources,
  compensating measures and accepted residual risk otherwise (6.6.1): vulnerability and patch management,
  software installation, test environments, change management, risk acceptance
6.6.2 | sup 9 | 6.1.3 A.8.8 | patch not applied when disadvantages outweigh benefits, with documented
  reasons (6.6.2): risk of patching weighed; residual risk accepted and documented
6.7.1 | sup 9 | A.8.16 A.8.20 A.8.21 A.8.22 | protect the systems from cyber threats (6.7.1): network
  security, network services, segregation, monitoring
6.7.2.a | sup 9 | A.8.20 | network architecture documented and up to date (6.7.2.a): network documentation
6.7.2.b | sup 9 | A.8.20 A.8.22 | protect internal network domains from unauthorised access (6.7.2.b)
6.7.2.c | sup 9 | A.8.9 A.8.20 A.8.22 | prevent access and communication not needed (6.7.2.c)
6.7.2.d | sup 9 | A.5.15 A.6.7 A.8.5 A.8.20 | controls on remote access incl. by service providers
  (6.7.2.d): remote working, access control, authentication, network controls
6.7.2.e | sup 5 | A.8.2 A.8.22 | systems administering the security policy used for nothing else
  (6.7.2.e): privileged access, segregation
  | systems used to administer the security policy's implementation are dedicated to that purpose
6.7.2.f | sup 9 | A.8.9 A.8.20 A.8.21 | unneeded connections and services forbidden or deactivated
  (6.7.2.f): hardening, network and network service security
6.7.2.g | sup 8 | A.5.15 A.8.1 A.8.20 | only authorised devices access the systems (6.7.2.g): access control,
  endpoint devices, network security
6.7.2.h | sup 7 | A.5.15 A.5.18 A.5.20 | service provider connections only on request and for a set time
  (6.7.2.h): access rights with authorisation, supplier agreements
  | supplier connections time-limited to the approved period, e.g. a maintenance operation
6.7.2.i | sup 8 | A.5.14 A.8.20 A.8.21 A.8.22 A.8.24 | trusted, isolated channels between systems with
  authenticated end points and protected data (6.7.2.i): transfer rules, network services security,
  segregation, cryptography
6.7.2.j | none | - | plan for the transition to the latest generation network layer protocols (IPv6)
  (6.7.2.j): ISO 27001 has no requirement on network protocol generations
6.7.2.k | sup 3 | A.5.14 A.8.21 | plan to deploy modern e-mail security standards (6.7.2.k): electronic
  messaging protected, network services secured
  | an implementation plan for internationally agreed e-mail security standards (e.g. SPF, DKIM, DMARC,
  DANE) and measures to accelerate it
6.7.2.l | sup 4 | A.8.20 A.8.21 | DNS security and Internet routing security and hygiene (6.7.2.l):
  network and network service security
  | best practices for DNS security and Internet routing security (e.g. DNSSEC, RPKI)
6.7.3 | sup 9 | A.5.1 A.5.27 A.8.20 | network security measures reviewed at planned intervals and on
  significant incidents or changes (6.7.3)
6.8.1 | sup 9 | A.8.22 | risk-based segmentation into networks or zones, separate from third parties
  (6.8.1): A.8.22
6.8.2.a,6.8.2.b,6.8.2.c,6.8.2.e | sup 9 | A.8.20 A.8.22 | segmentation by relationship and trust; access
  to zones by their requirements; critical systems in secured zones; traffic between and within zones
  restricted (6.8.2): network segregation with domains by trust level and criticality, filtered gateways
6.8.2.d | sup 7 | A.8.20 A.8.22 | a demilitarised zone for communication to and from the networks
  (6.8.2.d): segregation and network controls
  | a demilitarised zone in the communication networks
6.8.2.f | sup 5 | A.8.2 A.8.22 | administration network separated from the operational network (6.8.2.f)
  | a dedicated network for system administration, separated from the operational network
6.8.2.g | sup 7 | A.8.20 A.8.22 | network administration channels segregated from other traffic (6.8.2.g):
  network controls and segregation
  | network administration channels segregated from other network traffic
6.8.2.h | sup 9 | A.8.13 A.8.31 | production separated from development and testing incl. backups
  (6.8.2.h): separation of environments, backups stored apart
6.8.3 | sup 9 | A.5.1 A.5.27 A.8.22 | segmentation reviewed at planned intervals and on significant
  incidents or changes (6.8.3)
6.9.1 | sup 9 | A.8.7 A.8.19 | protection against malicious and unauthorised software (6.9.1)
6.9.2 | sup 9 | A.8.7 A.8.16 A.8.19 | detect or prevent malicious or unauthorised software; updated
  detection and response tools (6.9.2): malware detection, monitoring, software installation control
6.10.1 | eq 9 | A.8.8 | obtain vulnerability information, evaluate exposure, take measures (6.10.1): A.8.8
6.10.2.a | sup 9 | A.5.6 A.5.7 A.8.8 | monitor vulnerability information from CSIRTs, authorities,
  suppliers (6.10.2.a): vulnerability information sources, special interest groups, threat intelligence
6.10.2.b,6.10.2.c | sup 9 | A.8.8 | vulnerability scans with recorded results; critical vulnerabilities
  addressed without undue delay (6.10.2): vulnerability identification and timely remediation
6.10.2.d | sup 9 | 6.1.2 A.5.24 A.8.8 A.8.32 | vulnerability handling compatible with change, patch, risk
  and incident management (6.10.2.d)
6.10.2.e | sup 5 | A.8.8 | procedure for disclosing vulnerabilities under the national CVD policy
  (6.10.2.e): technical vulnerability management
  | a vulnerability disclosure procedure following the national coordinated vulnerability disclosure
  policy
6.10.3 | sup 9 | 6.1.3 A.8.8 | mitigation plan, or documented reason for not remediating (6.10.3)
6.10.4 | sup 8 | A.5.1 A.8.8 | vulnerability information channels reviewed at planned intervals (6.10.4):
  vulnerability management process and its policy reviewed

# 7 Assessing effectiveness (21(2)(f))
7.1 | sup 9 | 9.1 9.2.1 9.2.2 | policy and procedures to assess whether measures are effectively
  implemented and maintained (7.1): evaluation of performance and effectiveness; internal audit of
  effective implementation
7.2 | sup 9 | 8.2 9.1 A.5.27 | what, how, when and by whom effectiveness is monitored, measured, analysed
  and evaluated, based on risk assessment and past incidents (7.2): 9.1 a-f says the same, with risk
  assessment and incident learning as inputs
7.3 | sup 9 | 6.3 9.3.1 9.3.3 A.5.1 A.5.27 | effectiveness policy and procedures reviewed at planned
  intervals and on significant incidents or changes (7.3): management review, planned changes, policy
  review, lessons from incidents

# 8 Cyber hygiene and training (21(2)(g))
8.1.1 | sup 9 | 7.3 A.5.10 A.5.20 A.6.3 | employees, management and direct suppliers aware of risks and
  applying cyber hygiene (8.1.1): awareness of everyone working under the organisation's control,
  acceptable use, supplier agreements
8.1.2 | sup 9 | 7.3 A.5.20 A.6.3 | awareness programme, repeated, covering new employees, in line with
  policies, on threats, measures, contacts, hygiene (8.1.2): awareness programme (27002 6.3), for
  suppliers through agreements
8.1.3 | sup 8 | 7.2 A.6.3 | programme effectiveness tested where appropriate; updated for practices and
  threats (8.1.3): effectiveness of training evaluated; programme updated regularly
8.2.1 | sup 9 | 7.2 A.6.3 | roles needing security skills identified and regularly trained (8.2.1):
  competence determined and acquired
8.2.2 | sup 9 | 7.2 A.6.3 | training programme with needs per role (8.2.2)
8.2.3 | sup 8 | 7.2 A.6.3 A.6.8 A.8.1 | job-relevant training with assessed effectiveness, on secure
  configuration incl. mobile devices, threats and behaviour on events (8.2.3)
8.2.4 | sup 9 | 7.2 A.6.3 A.6.5 | training on moving to a role needing security skills (8.2.4)
8.2.5 | sup 8 | 7.2 A.6.3 | programme updated and run periodically (8.2.5)

# 9 Cryptography (21(2)(h))
9.1 | sup 9 | 6.1.3 A.5.12 A.8.24 | cryptography policy and procedures by classification and risk (9.1)
9.2.a | sup 9 | A.5.12 A.8.24 | type, strength and quality of cryptography by classification, at rest and
  in transit (9.2.a): 27002 8.24
9.2.b | sup 8 | A.8.24 | approved protocols, algorithms, cipher strengths, solutions and usage (9.2.b):
  27002 8.24
  | a cryptographic agility approach, where appropriate
9.2.c | sup 9 | A.8.24 | key management: generation, certificates, distribution, storage, change,
  compromise, revocation, recovery, backup, destruction, logging, activation dates (9.2.c): 27002 8.24
  key management lists the same methods
9.3 | sup 8 | A.5.1 A.8.24 | cryptography policy reviewed at planned intervals (9.3)
  | the review takes the state of the art in cryptography into account

# 10 Human resources security (21(2)(i))
10.1.1 | sup 9 | A.5.4 A.5.20 A.6.2 | employees and suppliers understand and commit to their security
  responsibilities (10.1.1): management requirement, terms of employment, supplier agreements
10.1.2 | sup 8 | 5.1 5.3 7.2 7.3 A.5.2 A.5.4 A.5.10 A.5.20 A.6.1 A.6.3 A.8.2 | mechanisms for cyber
  hygiene, privileged users' awareness of their roles, management bodies' understanding of theirs,
  qualified hiring (10.1.2): leadership, roles, competence, awareness, acceptable use, privileged access,
  screening with references and qualification checks
10.1.3 | sup 7 | 5.3 7.1 9.3.1 | assignment of personnel to roles and resources reviewed (10.1.3): roles,
  resources, management review at planned intervals
  | at least annually
10.2.1 | sup 9 | A.5.20 A.6.1 | background verification of employees and suppliers where needed for the
  role (10.2.1): screening, supplier agreements
10.2.2.a,10.2.2.b | sup 9 | A.6.1 | roles requiring verified persons; verification before starting, lawful and
  proportionate (10.2.2): A.6.1 says the same
10.2.3 | sup 9 | A.5.1 A.6.1 | background verification policy reviewed at planned intervals (10.2.3)
10.3.1 | sup 9 | A.6.5 | duties valid after termination or change defined and enforced (10.3.1): A.6.5
10.3.2 | sup 9 | A.6.2 A.6.5 A.6.6 | post-employment duties such as confidentiality in the terms (10.3.2)
10.4.1 | sup 9 | A.6.4 | disciplinary process for policy violations, established, communicated,
  maintained, with legal and business requirements (10.4.1): A.6.4
10.4.2 | sup 8 | 9.3.1 A.5.31 A.5.37 A.6.4 | disciplinary process reviewed at planned intervals and on
  legal or significant changes (10.4.2): process kept up to date, legal requirements tracked,
  management review

# 11 Access control (21(2)(i) and (j))
11.1.1 | sup 9 | A.5.15 A.7.2 | logical and physical access control policies on business and security
  requirements (11.1.1): A.5.15 with physical entry
11.1.2 | sup 9 | A.5.15 A.5.18 A.7.2 A.8.5 | policies address persons, visitors, suppliers, systems,
  and access only after authentication (11.1.2)
11.1.3 | sup 9 | A.5.1 A.5.15 A.5.27 | access control policies reviewed (11.1.3)
11.2.1 | sup 9 | A.5.18 | access rights provided, modified, removed, documented per policy (11.2.1)
11.2.2 | sup 8 | A.5.3 A.5.15 A.5.18 A.5.20 A.6.5 A.8.2 A.8.15 | need-to-know, least privilege,
  separation of duties; changes on termination; authorisation; limited third-party access; register of
  access rights; logging (11.2.2)
11.2.3 | sup 9 | A.5.18 A.8.2 | access rights reviewed at planned intervals, results documented (11.2.3)
11.3.1 | sup 9 | A.5.15 A.8.2 | policies for privileged and administration accounts (11.3.1)
11.3.2.a,11.3.2.b,11.3.2.c | sup 9 | A.5.16 A.8.2 A.8.5 | strong authentication (MFA) for privileged
  accounts, separate administration accounts, individual and restricted privileges (11.3.2.a-c): 27002 8.2
11.3.2.d | sup 8 | A.8.2 | administration accounts used only to connect to administration systems
  (11.3.2.d): privileged identities kept for privileged tasks
  | administration accounts connect only to system administration systems
11.3.3 | sup 9 | A.5.18 A.8.2 | privileged access rights reviewed, results documented (11.3.3)
11.4.1 | sup 8 | A.5.15 A.8.2 A.8.18 | use of system administration systems restricted and controlled
  (11.4.1): access control, privileged access, privileged utility programs
11.4.2.a | sup 5 | A.8.2 A.8.18 | administration systems used only for administration (11.4.2.a)
  | dedicated system administration systems, used for no other operation
11.4.2.b | sup 5 | A.8.2 A.8.22 | administration systems logically separated from other application
  software (11.4.2.b)
  | administration systems logically separated from application software not used for administration
11.4.2.c | sup 9 | A.8.2 A.8.5 A.8.24 | access to administration systems authenticated and encrypted
  (11.4.2.c)
11.5.1 | eq 9 | A.5.16 | full life cycle of identities managed (11.5.1): A.5.16
11.5.2 | sup 9 | A.5.16 A.8.15 | unique identities, linked to one person, oversight of system identities,
  logging of identity management (11.5.2)
11.5.3 | sup 9 | 6.1.2 A.5.16 | shared identities only when necessary, approved, documented, in the risk
  framework (11.5.3)
11.5.4 | sup 9 | A.5.16 A.5.18 | identities reviewed; unneeded ones deactivated without delay (11.5.4)
11.6.1 | eq 9 | A.8.5 | secure authentication by access restrictions and policy (11.6.1): A.8.5
11.6.2.a,11.6.2.b,11.6.2.d,11.6.2.e,11.6.2.f | sup 9 | A.5.17 A.8.2 A.8.5 | authentication strength by
  classification; secret authentication information controlled; lock-out after failed attempts; session
  timeout; separate privileged credentials (11.6.2)
11.6.2.c | sup 8 | A.5.17 | credentials changed initially and on suspected compromise (11.6.2.c)
  | credentials also changed at predefined intervals
11.6.3 | sup 9 | A.5.17 A.8.5 | state-of-the-art, risk-based authentication with unique authentication
  information (11.6.3)
11.6.4 | sup 9 | A.5.1 A.5.37 A.8.5 | authentication procedures and technologies reviewed (11.6.4)
11.7.1 | sup 9 | A.8.5 | multi-factor or continuous authentication where appropriate (11.7.1): 27002 8.5
11.7.2 | sup 9 | A.8.5 | authentication strength by classification (11.7.2)

# 12 Asset management (21(2)(i))
12.1.1 | sup 9 | A.5.9 A.5.12 | classification levels for all in-scope assets (12.1.1)
12.1.2 | sup 9 | A.5.9 A.5.12 A.5.30 | classification system; every asset classified by its protection
  needs; availability aligned with BC/DR objectives (12.1.2)
12.1.3 | sup 9 | A.5.1 A.5.12 | classification levels reviewed periodically (12.1.3)
12.2.1 | sup 9 | A.5.1 A.5.10 A.5.13 | asset handling policy communicated to everyone handling assets (12.2.1)
12.2.2 | sup 9 | A.5.10 A.5.14 A.7.9 A.7.10 A.7.14 A.8.10 | handling over the life cycle; safe use,
  storage, transport, deletion, destruction; secure transfer (12.2.2)
12.2.3 | sup 9 | A.5.1 A.5.10 A.5.27 | asset handling policy reviewed (12.2.3)
12.3.1 | sup 9 | A.5.1 A.7.10 | removable media policy communicated (12.3.1)
12.3.2.a,12.3.2.b | sup 7 | A.7.10 A.8.7 | removable media blocked without an organisational reason;
  no self-execution, scanned for malware (12.3.2.a-b): storage media management, malware protection
  | technical blocking of removable media unless there is an organisational reason, and self-execution
  from media disabled
12.3.2.c,12.3.2.d | sup 9 | A.7.9 A.7.10 A.8.24 | portable media protected in transit and storage, with
  cryptography where appropriate (12.3.2.c-d)
12.3.3 | sup 9 | A.5.1 A.5.27 A.7.10 | removable media policy reviewed (12.3.3)
12.4.1 | sup 9 | 7.5.3 A.5.9 | complete, accurate, up-to-date inventory with traceable changes (12.4.1)
12.4.2 | sup 8 | 4.3 A.5.9 | inventory lists operations and services and the supporting systems (12.4.2):
  scope with the activities and services, asset inventory
12.4.3 | sup 9 | 7.5.3 A.5.9 | inventory reviewed and its history of changes documented (12.4.3)
12.5.1 | sup 9 | A.5.11 A.5.18 A.8.10 | assets returned or deleted at termination, access blocked otherwise
  (12.5.1): return of assets, removal of access rights, information deletion

# 13 Environmental and physical security (21(2)(c), (e), (i))
13.1.1 | eq 9 | A.7.11 | protection from failures of supporting utilities (13.1.1): A.7.11
13.1.2.a,13.1.2.b,13.1.2.d,13.1.2.f | sup 9 | A.7.11 A.7.13 | utilities protected, redundant,
  monitored with alarms, maintained and tested (13.1.2): 27002 7.11, equipment maintenance
13.1.2.c | sup 9 | A.7.12 | power and telecommunication cabling protected against interception and damage
  (13.1.2.c)
13.1.2.e | sup 6 | A.7.11 | contracts for emergency supply such as generator fuel (13.1.2.e): supporting
  utilities
  | contracts for the emergency supply of utilities, e.g. fuel for emergency power
13.1.3 | sup 8 | A.5.27 A.7.11 A.7.12 | utility protection tested, reviewed, updated (13.1.3): utilities
  tested regularly; lessons from incidents
13.2.1 | eq 9 | A.7.5 | prevent or reduce consequences of physical and environmental threats (13.2.1): A.7.5
13.2.2 | sup 8 | A.7.5 A.7.8 A.7.11 | protection measures, control thresholds, monitoring of environmental
  parameters and reporting (13.2.2): protection against threats, equipment siting with environmental
  monitoring, utilities with alarms
13.2.3 | sup 7 | A.5.27 A.7.5 | protection against physical and environmental threats tested, reviewed,
  updated (13.2.3)
  | the protection measures are tested regularly
13.3.1 | sup 9 | A.7.1 A.7.2 A.7.4 | prevent and monitor unauthorised physical access (13.3.1)
13.3.2 | sup 9 | A.7.1 A.7.2 A.7.3 A.7.4 | perimeters, entry controls, secure offices and rooms,
  continuous monitoring of premises (13.3.2)
13.3.3 | sup 8 | A.5.1 A.5.27 A.7.1 A.7.2 A.7.4 | physical access controls reviewed and updated (13.3.3):
  physical security policy reviewed; lessons from incidents
  | the physical access control measures are tested regularly
"""

HEADER = """\\
ISO/IEC 27001:2022 (clauses 4-10 and Annex A) -> NIS2 Implementing Regulation (EU) 2024/2690,
Annex: ismc's own covering-set judgement, per point.

Provenance: ismc. Beside ENISA's correspondence table (iso27001-2022--nis2-ir.yaml, imported,
every row "intersects"), which stays as published. Written from the Annex text and the ISO
clause and Annex A control titles, with ISO/IEC 27002:2022 as guidance on each control's scope.
ENISA's table was consulted for which controls matter; no ENISA text is reproduced.
Every one of the 160 points of the Annex (and the two supplier-registry items under 5.2) is
judged: one row on the point when one judgement holds for all its items, otherwise one row per
item. A row whose source is a list is a covering set: the union of the members contains the
point, except what its residual states. Reading conventions: a topic's control with A.5.1
(policies reviewed at planned intervals and on significant changes) and A.5.27 (incidents
improve controls) contains the Annex's "review and update" duties; "at least annually",
testing duties and NIS2-specific content are residuals; ISO's top management is read as the
management body. Method, rubric, figures and limitations: doc/mapping-method.md.
Licence: ismc's own analysis; ISO identifiers only (no ISO text).

Generated by scripts/catalogs/gen_nis2_ir.py; edit that script, not this file.
"""


def read_catalog(path):
    """Nodes (id, title, level, parent) of an ismc catalog written by ismcyaml.catalog()."""
    nodes = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            m = re.match(r'  - id: "?([^"\n]+?)"?$', line)
            if m:
                nodes.append(dict(id=m.group(1)))
                continue
            m = re.match(r'    (level|parent|title): (.*)$', line)
            if m and nodes:
                v = m.group(2)
                nodes[-1][m.group(1)] = json.loads(v) if v.startswith('"') else v
    return nodes


def units(nodes):
    """The points, and the leaves that hang under no point."""
    by_id = {n["id"]: n for n in nodes}
    parents = {n.get("parent") for n in nodes}
    out = []
    for n in nodes:
        if n["level"] == "point":
            out.append(n["id"])
            continue
        if n["id"] in parents:
            continue
        p, under_point = n.get("parent"), False
        while p is not None:
            if by_id[p]["level"] == "point":
                under_point = True
            p = by_id[p].get("parent")
        if not under_point:
            out.append(n["id"])
    return out


def main():
    nodes = read_catalog(os.path.join(FW, "nis2-ir-2024-2690.yaml"))
    xwalk.generate(IR_X, nodes, dict(
        id="iso27001-2022--nis2-ir--ismc", source="iso27001-2022", target="nis2-ir",
        title="ISO/IEC 27001:2022 to NIS2 Implementing Regulation 2024/2690 (ismc covering sets)",
        provenance="ismc",
        origin="ismc analysis of the Annex of Implementing Regulation (EU) 2024/2690 against ISO/IEC 27001:2022 clauses 4-10 and Annex A (scope per ISO/IEC 27002:2022)",
        method="doc/mapping-method.md"),
        HEADER, os.path.join(FW, "mappings", "iso27001-2022--nis2-ir.ismc.yaml"), write,
        units=units(nodes))


if __name__ == "__main__":
    main()
