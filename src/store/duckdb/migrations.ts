/** Versioned schema migrations, applied in order and recorded in schema_migrations. Never edit a shipped one. */
export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: "boards, crawl runs and postings with lifecycle",
    sql: `
      CREATE TABLE boards (
        ats VARCHAR NOT NULL,
        board VARCHAR NOT NULL,
        company VARCHAR,
        industry VARCHAR,
        last_crawl_at TIMESTAMP,
        last_success_at TIMESTAMP,
        last_status VARCHAR,
        last_error VARCHAR,
        PRIMARY KEY (ats, board)
      );
      CREATE TABLE crawl_runs (
        id VARCHAR PRIMARY KEY,
        ats VARCHAR NOT NULL,
        board VARCHAR NOT NULL,
        started_at TIMESTAMP NOT NULL,
        finished_at TIMESTAMP NOT NULL,
        status VARCHAR NOT NULL,
        fetched INTEGER,
        new INTEGER,
        updated INTEGER,
        reopened INTEGER,
        closed INTEGER,
        unchanged INTEGER,
        issues INTEGER NOT NULL,
        error_code VARCHAR,
        error_message VARCHAR
      );
      CREATE TABLE postings (
        id VARCHAR PRIMARY KEY,
        ats VARCHAR NOT NULL,
        board VARCHAR NOT NULL,
        source_id VARCHAR NOT NULL,
        company VARCHAR,
        title VARCHAR NOT NULL,
        team VARCHAR,
        department VARCHAR,
        location_raw VARCHAR,
        locations JSON NOT NULL,
        workplace VARCHAR,
        employment_type VARCHAR,
        url VARCHAR,
        published_at VARCHAR,
        source_updated_at VARCHAR,
        description_text VARCHAR,
        pay_text VARCHAR,
        pay_structured JSON NOT NULL,
        pay_min DOUBLE,
        pay_max DOUBLE,
        pay_currency VARCHAR,
        pay_period VARCHAR,
        pay_annual_min DOUBLE,
        pay_annual_max DOUBLE,
        pay_kind VARCHAR,
        pay_equity BOOLEAN,
        pay_raw VARCHAR,
        role VARCHAR NOT NULL,
        role_confidence DOUBLE NOT NULL,
        seniority VARCHAR NOT NULL,
        evidence JSON NOT NULL,
        taxonomy_version VARCHAR NOT NULL,
        normalizer_version VARCHAR NOT NULL,
        content_hash VARCHAR NOT NULL,
        first_seen TIMESTAMP NOT NULL,
        last_seen TIMESTAMP NOT NULL,
        closed_at TIMESTAMP,
        raw JSON
      );
      CREATE INDEX postings_board ON postings (ats, board);
    `,
  },
  {
    version: 2,
    name: "normalization: USD pay, places, metros, skills, education, experience, industry, issues",
    sql: `
      ALTER TABLE postings ADD COLUMN pay_annual_min_usd DOUBLE;
      ALTER TABLE postings ADD COLUMN pay_annual_max_usd DOUBLE;
      ALTER TABLE postings ADD COLUMN pay_fx JSON;
      ALTER TABLE postings ADD COLUMN places JSON DEFAULT '[]';
      ALTER TABLE postings ADD COLUMN metros JSON DEFAULT '[]';
      ALTER TABLE postings ADD COLUMN skills JSON DEFAULT '[]';
      ALTER TABLE postings ADD COLUMN education_required VARCHAR;
      ALTER TABLE postings ADD COLUMN education_preferred VARCHAR;
      ALTER TABLE postings ADD COLUMN experience_min DOUBLE;
      ALTER TABLE postings ADD COLUMN experience_max DOUBLE;
      ALTER TABLE postings ADD COLUMN industry VARCHAR;
      ALTER TABLE postings ADD COLUMN industry_source VARCHAR;
      ALTER TABLE postings ADD COLUMN issues JSON DEFAULT '[]';
    `,
  },
  // One row per survey answer, in file order (ordinal). No key: identical answers are real (the same title
  // at the same pay), and a re-import deletes and inserts a whole source in one transaction.
  {
    version: 3,
    name: "self-reported salaries from salary surveys",
    sql: `
      CREATE TABLE survey_salaries (
        source VARCHAR NOT NULL,
        import_id VARCHAR NOT NULL,
        imported_at TIMESTAMP NOT NULL,
        ordinal INTEGER NOT NULL,
        work_year INTEGER NOT NULL,
        experience_level VARCHAR NOT NULL,
        employment_type VARCHAR NOT NULL,
        job_title VARCHAR NOT NULL,
        salary_usd DOUBLE NOT NULL,
        salary DOUBLE NOT NULL,
        salary_currency VARCHAR NOT NULL,
        employee_residence VARCHAR NOT NULL,
        company_location VARCHAR NOT NULL,
        remote_ratio INTEGER NOT NULL,
        company_size VARCHAR NOT NULL,
        role VARCHAR NOT NULL,
        seniority VARCHAR NOT NULL,
        taxonomy_version VARCHAR NOT NULL
      );
    `,
  },
];
