// pgJDBC with its default settings (stringtype=varchar), as a Java finance
// system uses it: setString into indicator columns, comparisons and
// scoring functions; BigDecimal scores; the flat views; the catalog's
// remarks.  Prints TAP lines.  Connection from PGHOST, PGPORT, PGDATABASE,
// PGUSER and PGPASSWORD.
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

public class DriverCheck {
	static int n = 0;
	static int failed = 0;

	static void check(String what, Object got, Object want) {
		n++;
		boolean ok = got == null ? want == null : got.equals(want);
		if (!ok)
			failed++;
		System.out.println((ok ? "ok " : "not ok ") + n + " - " + what + (ok ? "" : " (got '" + got + "', want '" + want + "')"));
	}

	static String env(String name, String dflt) {
		String v = System.getenv(name);
		return v == null || v.isEmpty() ? dflt : v;
	}

	static String one(PreparedStatement ps) throws SQLException {
		try (ResultSet rs = ps.executeQuery()) {
			return rs.next() ? rs.getString(1) : null;
		}
	}

	public static void main(String[] args) throws Exception {
		String host = env("PGHOST", "localhost");
		if (host.startsWith("/"))
			host = "localhost";
		String url = "jdbc:postgresql://" + host + ":" + env("PGPORT", "5432") + "/" + env("PGDATABASE", "postgres");
		Properties props = new Properties();
		props.setProperty("user", env("PGUSER", "postgres"));
		props.setProperty("password", env("PGPASSWORD", ""));
		try (Connection c = DriverManager.getConnection(url, props)) {
			try (Statement s = c.createStatement()) {
				s.execute("DROP TABLE IF EXISTS jdbc_goal");
				s.execute("CREATE TABLE jdbc_goal (id int, spec indicator, actual text, weight numeric)");
			}
			try (PreparedStatement ps = c.prepareStatement("INSERT INTO jdbc_goal VALUES (?, ?, ?, ?)")) {
				String[][] rows = {{"1", ">= 10 次", "12次", "20"}, {"2", "≤60万元", "66万元", "10"}, {"3", "定性 有效提高", "达成", "10"}};
				for (String[] r : rows) {
					ps.setInt(1, Integer.parseInt(r[0]));
					ps.setString(2, r[1]);
					ps.setString(3, r[2]);
					ps.setBigDecimal(4, new BigDecimal(r[3]));
					ps.executeUpdate();
				}
				check("setString inserts into an indicator column", "ok", "ok");
			}
			try (PreparedStatement ps = c.prepareStatement("UPDATE jdbc_goal SET spec = ? WHERE id = ?")) {
				ps.setString(1, ">= 11 次");
				ps.setInt(2, 1);
				check("setString updates an indicator column", ps.executeUpdate(), 1);
			}
			try (PreparedStatement ps = c.prepareStatement("SELECT id FROM jdbc_goal WHERE spec = ?")) {
				ps.setString(1, "正向 >= 11 次");
				check("spec = ? with setString", one(ps), "1");
			}
			try (PreparedStatement ps = c.prepareStatement("SELECT score(?, ?, ?)")) {
				ps.setString(1, ">= 10 次");
				ps.setString(2, "8次");
				ps.setBigDecimal(3, new BigDecimal("20"));
				try (ResultSet rs = ps.executeQuery()) {
					rs.next();
					check("score(?, ?, ?) with setString and setBigDecimal is an exact BigDecimal", rs.getBigDecimal(1), new BigDecimal("16.00"));
				}
			}
			try (PreparedStatement ps = c.prepareStatement("SELECT attainment(?, ?), ? @> ?")) {
				ps.setString(1, "反向 <= 60 万元");
				ps.setString(2, "66万元");
				ps.setString(3, "反向 <= 60 万元");
				ps.setString(4, "66万元");
				try (ResultSet rs = ps.executeQuery()) {
					rs.next();
					check("attainment(?, ?) and ? @> ? with setString", rs.getString(1) + " " + rs.getBoolean(2), "0.9091 false");
				}
			}
			try (PreparedStatement ps = c.prepareStatement("SELECT spec FROM jdbc_goal WHERE spec = ?")) {
				ps.setString(1, ">= abc");
				try {
					ps.executeQuery();
					check("a bad string is 22P02", "no error", "22P02");
				} catch (SQLException e) {
					check("a bad string is 22P02 with the indicator's message", e.getSQLState() + " " + e.getMessage().contains("invalid input syntax for type indicator"), "22P02 true");
				}
			}
			try (PreparedStatement ps = c.prepareStatement("SELECT sum(score(spec, actual, weight)) FROM jdbc_goal WHERE spec LIKE ?")) {
				ps.setString(1, "%次");
				check("LIKE on an indicator column with setString", one(ps), "20.00");
			}
			try (PreparedStatement ps = c.prepareStatement("SELECT min(spec)::text, max(spec)::text FROM jdbc_goal")) {
				try (ResultSet rs = ps.executeQuery()) {
					rs.next();
					check("min and max of an indicator column", rs.getString(1) != null && rs.getString(2) != null, true);
				}
			}
			// floats: no overload (it would capture integers); the error names numeric's function
			try (PreparedStatement ps = c.prepareStatement("SELECT score(?::indicator, ?, ?)")) {
				ps.setString(1, ">= 10 次");
				ps.setDouble(2, 12.0);
				ps.setDouble(3, 20.0);
				try {
					ps.executeQuery();
					check("setDouble is refused", "no error", "42883");
				} catch (SQLException e) {
					check("setDouble is refused with 42883 (use setBigDecimal)", e.getSQLState(), "42883");
				}
			}
			// the catalog's remarks, as BI tools read them
			DatabaseMetaData md = c.getMetaData();
			try (ResultSet rs = md.getFunctions(null, null, "score")) {
				String remarks = null;
				while (rs.next())
					if (rs.getString("REMARKS") != null && !rs.getString("REMARKS").isEmpty())
						remarks = "present";
				check("getFunctions(score) has REMARKS", remarks, "present");
			}
			try (ResultSet rs = md.getTables(null, null, "indicator_result", null)) {
				check("the indicator_result view is listed with REMARKS", rs.next() && rs.getString("REMARKS") != null && rs.getString("REMARKS").startsWith("指标得分明细"), true);
			}
			try (ResultSet rs = md.getColumns(null, null, "scorecard_result", "score")) {
				check("scorecard_result.score is NUMERIC with REMARKS", rs.next() ? rs.getInt("DATA_TYPE") + " " + (rs.getString("REMARKS") != null) : "none", java.sql.Types.NUMERIC + " true");
			}
			try (PreparedStatement ps = c.prepareStatement("SELECT sum(score) FROM scorecard_result WHERE project_code = ?")) {
				ps.setString(1, "15060022200000036034");
				try (ResultSet rs = ps.executeQuery()) {
					rs.next();
					check("the view's sum of a project is its 总分, as BigDecimal", rs.getBigDecimal(1), new BigDecimal("94.70"));
				}
			}
			try (Statement s = c.createStatement()) {
				s.execute("DROP TABLE jdbc_goal");
			}
		}
		System.out.println("1.." + n);
		System.exit(failed == 0 ? 0 : 1);
	}
}
