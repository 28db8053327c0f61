"""psycopg 3, psycopg2 and SQLAlchemy as Python finance systems and BI tools
(Superset) use them: strings and Decimals into indicator columns and the
scoring functions, the composites registered, binary COPY, and the flat
views introspected.  Prints TAP lines.  Run with Debian's /usr/bin/python3;
the connection comes from the PG* environment variables."""
import decimal
import sys

import psycopg
import psycopg2
import sqlalchemy
from psycopg.types.composite import CompositeInfo, register_composite

n = 0
failed = 0


def check(what, got, want):
    global n, failed
    n += 1
    ok = got == want
    if not ok:
        failed += 1
    print(('ok %d - %s' % (n, what)) if ok else ('not ok %d - %s (got %r, want %r)' % (n, what, got, want)))


D = decimal.Decimal

with psycopg.connect(autocommit=True) as c:
    # registered on the connection before any cursor, which copies its adapters
    for composite in ('scorecard', 'indicator_score'):
        register_composite(CompositeInfo.fetch(c, composite), c)
    c.execute('DROP TABLE IF EXISTS py_goal')
    c.execute('CREATE TABLE py_goal (id int, spec indicator, actual text, weight numeric)')
    with c.cursor() as cur:
        cur.executemany('INSERT INTO py_goal VALUES (%s, %s, %s, %s)',
                        [(1, '>= 10 次', '12次', D(20)), (2, '≤60万元', '66万元', D(10))])
        check('psycopg 3: str into an indicator column', cur.execute('SELECT count(*) FROM py_goal').fetchone()[0], 2)
        check('psycopg 3: spec = %s with a str',
              cur.execute('SELECT id FROM py_goal WHERE spec = %s', ['正向 >= 10 次']).fetchone()[0], 1)
        check('psycopg 3: score(%s, %s, %s) is an exact Decimal',
              cur.execute('SELECT score(%s, %s, %s)', ['>= 10 次', '8次', D(20)]).fetchone()[0], D('16.00'))
        try:
            cur.execute('SELECT score(%s, %s, %s)', ['>= 10 次', 12.0, 20.0])
            check('psycopg 3: a float is refused', 'no error', '42883')
        except psycopg.errors.UndefinedFunction as e:
            check('psycopg 3: a float is refused with 42883 (pass Decimal)', e.sqlstate, '42883')
        sc = cur.execute('SELECT scorecard(spec, actual, weight) FROM py_goal').fetchone()[0]
        check('psycopg 3: a registered scorecard has fields', (sc.weight, sc.score, sc.indicators), (D('30'), D('29.09'), 2))
        d = cur.execute("SELECT score_detail('>= 10 次', '8次', 20)").fetchone()[0]
        check('psycopg 3: a registered indicator_score has fields', (d.points, d.met, d.needs_person), (D('16.00'), False, False))
        with cur.copy('COPY py_goal (id, spec, actual, weight) TO STDOUT (FORMAT binary)') as cp:
            data = b''.join(bytes(b) for b in cp)
        cur.execute('CREATE TEMP TABLE py_copy (LIKE py_goal)')
        with cur.copy('COPY py_copy FROM STDIN (FORMAT binary)') as cp:
            cp.write(data)
        check('psycopg 3: binary COPY out and in keeps every row',
              cur.execute('SELECT count(*) FROM py_copy JOIN py_goal USING (id, spec, actual, weight)').fetchone()[0], 2)
        check('psycopg 3: the view sums a project to its 总分',
              cur.execute('SELECT sum(score) FROM scorecard_result WHERE project_code = %s',
                          ['15060022200000036034']).fetchone()[0], D('94.70'))
    c.execute('DROP TABLE py_goal')

c2 = psycopg2.connect('')
cur = c2.cursor()
cur.execute('SELECT score(%s, %s, %s), %s::indicator = %s', ('>= 10 次', '8次', D(20), '>= 10 次', '正向 >= 10 次'))
check('psycopg2: score and = with strings and Decimal', cur.fetchone(), (D('16.00'), True))
c2.close()

# SQLAlchemy, as Superset reflects a table or view for a chart
engine = sqlalchemy.create_engine('postgresql+psycopg2://', future=True)
insp = sqlalchemy.inspect(engine)
for view in ('indicator_result', 'scorecard_result', 'project_result', 'indicator_monitor_result',
             'budget_monitor_result', 'project_monitor_result', 'goal_change', 'goal_review_result',
             'project_review_result'):
    cols = insp.get_columns(view)
    nulltype = [col['name'] for col in cols if isinstance(col['type'], sqlalchemy.types.NullType)]
    check('SQLAlchemy: %s reflects %d columns, none of them NullType' % (view, len(cols)), nulltype, [])
check('SQLAlchemy: the views are listed', sorted(v for v in insp.get_view_names() if v.endswith('_result')),
      ['budget_monitor_result', 'goal_review_result', 'indicator_monitor_result', 'indicator_result',
       'project_monitor_result', 'project_result', 'project_review_result', 'scorecard_result'])
# a raw indicator column is unknown to SQLAlchemy (NullType, with a warning)
# until the type is named, as the README shows
import warnings
from sqlalchemy.dialects.postgresql import base as pg_base
with warnings.catch_warnings():
    warnings.simplefilter('ignore')
    spec_type = [col['type'] for col in insp.get_columns('goal_indicator') if col['name'] == 'spec'][0]
check('SQLAlchemy: a raw indicator column reflects as NullType', type(spec_type).__name__, 'NullType')
pg_base.ischema_names['indicator'] = sqlalchemy.types.String
insp = sqlalchemy.inspect(sqlalchemy.create_engine('postgresql+psycopg2://', future=True))
spec_type = [col['type'] for col in insp.get_columns('goal_indicator') if col['name'] == 'spec'][0]
check('SQLAlchemy: with ischema_names[\'indicator\'] = String it reflects as String', type(spec_type).__name__, 'String')
meta = sqlalchemy.MetaData()
sr = sqlalchemy.Table('scorecard_result', meta, autoload_with=engine)
with engine.connect() as conn:
    by_view = dict(conn.execute(
        sqlalchemy.select(sr.c.level1, sqlalchemy.func.sum(sr.c.score))
        .where(sr.c.project_code == '15060022200000036034').group_by(sr.c.level1)).all())
    by_scorecard = dict(conn.execute(sqlalchemy.text(
        "SELECT level_name(i.level1), (scorecard(i.spec, a.actual, i.weight)).score "
        "FROM goal_indicator i LEFT JOIN actual_result a USING (project_code, source_line) "
        "WHERE i.project_code = '15060022200000036034' GROUP BY 1")).all())
    by_scorecard['预算执行率'] = conn.execute(sqlalchemy.text(
        "SELECT budget_execution_score(b.spent, b.budget, p.budget_execution_weight) "
        "FROM goal_project p JOIN budget_execution b USING (project_code) "
        "WHERE project_code = '15060022200000036034'")).scalar()
check('SQLAlchemy: GROUP BY level1 over scorecard_result is the scorecard by level 1', by_view, by_scorecard)
print('1..%d' % n)
sys.exit(1 if failed else 0)
