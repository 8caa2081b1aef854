#!/usr/bin/env python3
"""Draws each producing service's AsyncAPI 3.0 document from the event contract fixtures
(deploy/contracts/events, one per CloudEvents type) and the catalogue's "when" column
(deploy/events.md): channels = topics, messages = CloudEvents types, payload = the CloudEvent with
its data schema. Written to <service>/src/main/resources/META-INF/asyncapi.yaml, served at
/q/asyncapi, and checked by each service's AsyncApiContractTest (every fixture validates against
its message; every message has a fixture). Run it again after adding or changing a fixture:
    python3 deploy/contracts/asyncapi.py
"""
import json, os, re, sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EVENTS = os.path.join(ROOT, 'deploy', 'contracts', 'events')
SERVICES = {
    '/issues-service': ('issues-service', 'rectification.issues', 'the ledger, its supervision orders, implementation plans, '
                        'reconciliations, the units directory, the working-day calendar and the published figures'),
    '/petitions-service': ('petitions-service', 'rectification.petitions', 'the forwarded petitions and the published figures'),
    '/accountability-service': ('accountability-service', 'rectification.accountability',
                                'accountability cases and the published figures'),
    '/notification-service': ('notification-service', 'rectification.alerts', 'deadline alerts (reminders, overdue, escalations)'),
}
UUID = re.compile(r'^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$')
DATE = re.compile(r'^\d{4}-\d{2}-\d{2}$')
DATETIME = re.compile(r'^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$')


def when_column():
    """type -> its 'when' text from the catalogue tables."""
    text = open(os.path.join(ROOT, 'deploy', 'events.md'), encoding='utf-8').read()
    when = {}
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip('|').split('|')]
        if len(cells) >= 2 and cells[0].startswith('`'):
            for t in re.findall(r'`([a-z][a-z-]*\.[a-z.-]+)`', cells[0]):
                when.setdefault(t, cells[1])
            # "`implementation-plan.required` / `.submitted` / ..." names the rest by suffix
            m = re.match(r'`([a-z-]+)\.[a-z-]+`', cells[0])
            if m:
                for suffix in re.findall(r'`\.([a-z-]+)`', cells[0]):
                    when.setdefault(m.group(1) + '.' + suffix, cells[1])
    return when


def schema_of(value, name=''):
    if value is None:
        return {}
    if isinstance(value, bool):
        return {'type': 'boolean'}
    if isinstance(value, int):
        return {'type': 'integer'}
    if isinstance(value, float):
        return {'type': 'number'}
    if isinstance(value, str):
        s = {'type': ['string', 'null']}
        if UUID.match(value):
            s['format'] = 'uuid'
        elif DATE.match(value):
            s['format'] = 'date'
        elif DATETIME.match(value):
            s['format'] = 'date-time'
        return s
    if isinstance(value, list):
        return {'type': ['array', 'null'], 'items': schema_of(value[0], name) if value else {}}
    if name.startswith('by') and all(isinstance(v, int) for v in value.values()):
        # counts keyed by data (a status, a unit, a light)
        return {'type': 'object', 'additionalProperties': {'type': 'integer'}}
    return {'type': ['object', 'null'], 'required': sorted(value.keys()), 'additionalProperties': False,
            'properties': {k: schema_of(v, k) for k, v in value.items()}}


def yaml(value, indent=0):
    """A small YAML writer (block style, JSON-quoted scalars): no dependency for a build step."""
    pad = '  ' * indent
    if isinstance(value, dict):
        if not value:
            return '{}'
        out = []
        for k, v in value.items():
            key = json.dumps(k, ensure_ascii=False) if not re.match(r'^[A-Za-z0-9_.$-]+$', k) else k
            if isinstance(v, (dict, list)) and v:
                out.append(f'{pad}{key}:\n{yaml(v, indent + 1)}')
            else:
                out.append(f'{pad}{key}: {yaml(v, indent + 1)}')
        return '\n'.join(out)
    if isinstance(value, list):
        if not value:
            return '[]'
        out = []
        for v in value:
            if isinstance(v, (dict, list)) and v:
                inner = yaml(v, indent + 1).lstrip()
                out.append(f'{pad}- {inner}')
            else:
                out.append(f'{pad}- {yaml(v, indent + 1)}')
        return '\n'.join(out)
    return json.dumps(value, ensure_ascii=False)


def main():
    when = when_column()
    fixtures = {}
    for f in sorted(os.listdir(EVENTS)):
        if f.endswith('.json'):
            e = json.load(open(os.path.join(EVENTS, f), encoding='utf-8'))
            fixtures.setdefault(e['source'], {}).setdefault(e['type'], e)
    for source, (service, topic, what) in SERVICES.items():
        types = fixtures.get(source, {})
        messages, schemas = {}, {}
        schemas['CloudEvent'] = {
            'type': 'object', 'description': 'CloudEvents 1.0 structured mode (application/cloudevents+json)',
            'required': ['specversion', 'id', 'source', 'type', 'subject', 'time', 'datacontenttype', 'data'],
            'properties': {
                'specversion': {'const': '1.0'}, 'id': {'type': 'string', 'format': 'uuid', 'description': 'Unique per event; consumers de-duplicate by it'},
                'source': {'const': source}, 'type': {'type': 'string'},
                'subject': {'type': 'string', 'description': 'The aggregate (also the Kafka key)'},
                'time': {'type': 'string', 'format': 'date-time'}, 'datacontenttype': {'const': 'application/json'},
                'data': {'type': 'object'}}}
        for t, e in sorted(types.items()):
            schemas[t] = dict(schema_of(e['data']), type='object')
            messages[t] = {
                'name': t, 'title': t,
                'summary': re.sub(r'`', '', when.get(t, t)),
                'contentType': 'application/cloudevents+json',
                'headers': {'type': 'object', 'properties': {
                    'ce_type': {'const': t, 'description': 'The CloudEvents type, also as a Kafka header'},
                    'ce_id': {'type': 'string', 'format': 'uuid'}}},
                'payload': {'allOf': [{'$ref': '#/components/schemas/CloudEvent'},
                                      {'type': 'object', 'properties': {'type': {'const': t},
                                                                        'data': {'$ref': '#/components/schemas/' + t}}}]},
                'bindings': {'kafka': {'key': {'type': 'string', 'description': 'The aggregate id (= subject)'}}},
                'examples': [{'name': t, 'payload': e}],
            }
        channel = topic.replace('.', '-')
        doc = {
            'asyncapi': '3.0.0',
            'info': {'title': f'{service} events', 'version': '1.0.0',
                     'description': f'What {service} publishes on {topic}: {what}. Catalogue: deploy/events.md; '
                                    'fixtures: deploy/contracts/events. Drawn by deploy/contracts/asyncapi.py.'},
            'defaultContentType': 'application/cloudevents+json',
            'servers': {'local': {'host': 'localhost:9092', 'protocol': 'kafka',
                                  'description': "deploy/run's broker; production sets KAFKA_BOOTSTRAP_SERVERS"}},
            'channels': {channel: {'address': topic, 'description': f'{topic} (dead letters of its consumers: {topic}.dlq)',
                                   'messages': {t: {'$ref': f'#/components/messages/{t}'} for t in sorted(types)}}},
            'operations': {'publish-' + channel: {'action': 'send', 'channel': {'$ref': f'#/channels/{channel}'},
                                                  'messages': [{'$ref': f'#/channels/{channel}/messages/{t}'} for t in sorted(types)]}},
            'components': {'schemas': schemas, 'messages': messages},
        }
        out = os.path.join(ROOT, service, 'src', 'main', 'resources', 'META-INF', 'asyncapi.yaml')
        os.makedirs(os.path.dirname(out), exist_ok=True)
        with open(out, 'w', encoding='utf-8') as w:
            w.write('# Drawn by deploy/contracts/asyncapi.py from the event fixtures; do not edit by hand.\n')
            w.write(yaml(doc) + '\n')
        print(f'{out}: {len(types)} messages')


if __name__ == '__main__':
    main()
