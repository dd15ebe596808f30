-- Portable between H2 2.x and PostgreSQL 13+. One row per user who saved a profile; every
-- fact may be unknown (NULL). Interests are a JSON array of short strings, read with the row.
CREATE TABLE user_profile (
    user_id    VARCHAR(255)             PRIMARY KEY,
    birth_year INTEGER,
    province   VARCHAR(8),
    district   VARCHAR(40),
    status     VARCHAR(16),
    interests  VARCHAR(4000)            NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ck_user_profile_status
        CHECK (status IN ('STUDENT', 'JOB_SEEKER', 'EMPLOYED', 'SELF_EMPLOYED', 'OTHER')),
    CONSTRAINT ck_user_profile_birth_year CHECK (birth_year BETWEEN 1900 AND 2100),
    CONSTRAINT ck_user_profile_district CHECK (district IS NULL OR province IS NOT NULL)
);
