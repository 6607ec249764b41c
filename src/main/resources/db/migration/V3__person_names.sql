-- What the platforms call the people in the record, asked of them in the background (see
-- people.PeopleDirectory). H2 (PostgreSQL mode) and PostgreSQL alike.
CREATE TABLE person_name (
    id           VARCHAR(150) PRIMARY KEY,         -- source:user id
    source       VARCHAR(20)  NOT NULL,
    user_id      VARCHAR(100) NOT NULL,
    name         VARCHAR(200) NOT NULL,
    resolved_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
